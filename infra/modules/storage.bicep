// The storage account: Dunning's tables, documents and print queue, the Durable task hub, the host's own state and
// the deployment container. Shared keys are off: the app reaches it only through its identity's data roles.

param accountName string
param location string

@description('Prefix of Dunning\'s tables, queues and containers (Dunning:Storage:Prefix).')
param dataPrefix string

@description('Principal id of the app\'s user-assigned identity.')
param principalId string

@description('Object id of whoever uploads the package; empty: none.')
param deployerPrincipalId string

// Dunning's own tables (the app also creates them if missing); the prefix is letters and digits, as table names allow.
var tables = [
  'Cases'
  'CaseIndex'
  'Payments'
  'Unmatched'
  'Campaigns'
  'PendingCommands'
  'EndedWorkflows'
  'WorkItems'
  'PrintMarkers'
  'Messages'
  'MessageIds'
  'MessagePhones'
  'SendLog'
]

var deploymentContainerName = 'app-package'

// The Durable extension keeps its task hub in all three services: leases and large messages in blobs, work items in
// queues, history and instances in tables. Dunning's own data uses the same three.
var dataRoles = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
]
var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: accountName
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    supportsHttpsTrafficOnly: true
  }

  resource blobs 'blobServices' = {
    name: 'default'

    resource documents 'containers' = {
      name: '${dataPrefix}-documents'
    }

    resource deployment 'containers' = {
      name: deploymentContainerName
    }
  }

  resource queues 'queueServices' = {
    name: 'default'

    resource print 'queues' = {
      name: '${dataPrefix}-print'
    }
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource dunningTables 'tables' = [
      for table in tables: {
        name: '${dataPrefix}${table}'
      }
    ]
  }
}

resource dataRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in dataRoles: {
    name: guid(account.id, principalId, role)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource deployerUpload 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(account::blobs::deployment.id, deployerPrincipalId, blobDataContributor)
  scope: account::blobs::deployment
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
    principalId: deployerPrincipalId
  }
}

output name string = account.name
output deploymentContainer string = deploymentContainerName
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainerName}'
