// Dunning on Azure: a storage account (Dunning's case tables and documents, and the Durable task hub), the app as an
// Azure Functions custom handler on an Elastic Premium plan (the host runs the case workflows on its in-process Durable
// engine, so it must stay up; the isolated-worker Function App replaces this), Communication Services for SMS and
// e-mail, and monitoring. `bash infra/build.sh` compiles it.

@description('Short name used to derive resource names.')
@minLength(3)
@maxLength(11)
param name string = 'dunning'

param location string = resourceGroup().location

@description('Partitions of the Durable task hub (1-16): the unit the app\'s instances share out.')
@minValue(1)
@maxValue(16)
param partitionCount int = 4

@description('Sender number for SMS, E.164 (acquire it in Communication Services first).')
param smsSenderPhone string = ''

@secure()
@description('Shared secret of the signed payment webhook.')
param paymentWebhookSecret string

@secure()
@description('Shared secret for signing the legal hand-off webhook.')
param legalWebhookSecret string = ''

@description('Where legal hand-offs are announced (empty: dossiers are stored only).')
param legalWebhookUrl string = ''

@description('Subscribe the app to Communication Services delivery reports (deploy the code first: Event Grid validates the endpoint).')
param subscribeDeliveryReports bool = false

@description('Microsoft Entra ID authority whose tokens the API accepts, e.g. https://login.microsoftonline.com/{tenant}/v2.0 (empty: API keys only).')
param entraAuthority string = ''

@description('Audience (application ID URI) of the API\'s app registration, e.g. api://dunning.')
param entraAudience string = ''

@description('Client id of the supervisor console\'s single-page app registration (redirect URI https://{app}/console/); empty hides Entra sign-in.')
param consoleClientId string = ''

@description('Scope the console asks for, e.g. api://dunning/.default.')
param consoleScope string = ''

var suffix = uniqueString(resourceGroup().id, name)
var storageName = toLower('${take(name, 11)}${take(suffix, 13)}')

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
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
  }
}

resource email 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: '${name}-email-${suffix}'
  location: 'global'
  properties: { dataLocation: 'Europe' }
}

resource emailDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: email
  name: 'AzureManagedDomain'
  location: 'global'
  properties: { domainManagement: 'AzureManaged' }
}

resource communication 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: '${name}-acs-${suffix}'
  location: 'global'
  properties: {
    dataLocation: 'Europe'
    linkedDomains: [ emailDomain.id ]
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  // Elastic Premium with one instance always ready: the workflows' timers and queues are polled by the app itself.
  sku: { name: 'EP1', tier: 'ElasticPremium' }
  kind: 'elastic'
  properties: { reserved: true, maximumElasticWorkerCount: 4 }
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-app-${suffix}'
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: ''
      minimumElasticInstanceCount: 1
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'custom' }
        { name: 'AzureWebJobsStorage', value: storageConnection }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'Dunning__Storage__ConnectionString', value: storageConnection }
        { name: 'Dunning__Durable__TaskHubName', value: 'dunning' }
        { name: 'Dunning__Durable__PartitionCount', value: string(partitionCount) }
        { name: 'Dunning__Host__StartLocalEmulator', value: 'false' }
        { name: 'Dunning__Clock__Speed', value: '1' }
        { name: 'Dunning__Channels__Provider', value: 'Acs' }
        { name: 'Dunning__Channels__Acs__ConnectionString', value: communication.listKeys().primaryConnectionString }
        { name: 'Dunning__Channels__Acs__SenderPhone', value: smsSenderPhone }
        { name: 'Dunning__Channels__Acs__SenderEmail', value: 'DoNotReply@${emailDomain.properties.mailFromSenderDomain}' }
        { name: 'Dunning__Webhooks__PaymentSecret', value: paymentWebhookSecret }
        { name: 'Dunning__Legal__WebhookUrl', value: legalWebhookUrl }
        { name: 'Dunning__Legal__WebhookSecret', value: legalWebhookSecret }
        // The supervisor console is served by this app at /console (same origin as the API); Entra sign-in is optional.
        { name: 'Dunning__Auth__Entra__Authority', value: entraAuthority }
        { name: 'Dunning__Auth__Entra__Audience', value: entraAudience }
        { name: 'Dunning__Console__Entra__ClientId', value: consoleClientId }
        { name: 'Dunning__Console__Entra__Scopes__0', value: consoleScope }
      ]
    }
  }
}

resource deliveryReports 'Microsoft.EventGrid/systemTopics@2024-06-01-preview' = if (subscribeDeliveryReports) {
  name: '${name}-acs-events-${suffix}'
  location: 'global'
  properties: {
    source: communication.id
    topicType: 'Microsoft.Communication.CommunicationServices'
  }
}

resource deliveryReportsToApp 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2024-06-01-preview' = if (subscribeDeliveryReports) {
  parent: deliveryReports
  name: 'to-dunning'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: { endpointUrl: 'https://${app.properties.defaultHostName}/api/webhooks/acs' }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Communication.SMSDeliveryReportReceived'
        'Microsoft.Communication.SMSReceived'
        'Microsoft.Communication.EmailDeliveryReportReceived'
      ]
    }
    eventDeliverySchema: 'EventGridSchema'
  }
}

output appUrl string = 'https://${app.properties.defaultHostName}'
output consoleUrl string = 'https://${app.properties.defaultHostName}/console'
output storageAccount string = storage.name
output communicationServices string = communication.name
