// Log Analytics and workspace-based Application Insights with local (instrumentation-key) auth off: the app sends
// telemetry with its identity, which holds Monitoring Metrics Publisher on the component.

param name string
param suffix string
param location string

@description('Principal id of the app\'s user-assigned identity.')
param principalId string

var metricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource logs 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: '${name}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-ai-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource publishMetrics 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, principalId, metricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisher)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// The connection string names the component (its instrumentation key is an identifier, not a credential: with local
// auth off, only Entra ID tokens are accepted).
output connectionString string = insights.properties.ConnectionString
