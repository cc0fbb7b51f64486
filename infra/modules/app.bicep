// The Function App: .NET 10 isolated worker with the Durable extension, on Flex Consumption or Elastic Premium.
// Whichever plan, something keeps polling the task hub: Flex keeps one `durable` instance always ready, Elastic
// Premium keeps one instance warm. Everything is reached with the user-assigned identity; the settings hold names,
// endpoints and Key Vault references, never a key.

param name string
param suffix string
param location string

@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param plan string

param instanceMemoryMB int
param maximumInstanceCount int

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

param storageAccountName string

@description('Blob container URL the package is deployed to (no trailing slash).')
param deploymentContainerUrl string

@description('Prefix of Dunning\'s tables, queues and containers.')
param dataPrefix string

param insightsConnectionString string

@description('https://{resource}.communication.azure.com')
param communicationEndpoint string

param senderEmail string
param smsSenderPhone string

@description('https://{vault}.vault.azure.net/ (ends with a slash).')
param keyVaultUri string

@description('Whether the vault holds legal-webhook-secret (it holds no empty secret).')
param signsLegalWebhook bool

param legalWebhookUrl string
param entraAuthority string
param entraAudience string
param consoleClientId string
param consoleScope string

var isFlex = plan == 'FlexConsumption'

// Key Vault references, resolved by the platform with keyVaultReferenceIdentity. Versionless, so the app picks up a new
// version of a secret (on restart, or within a day).
var secrets = '${keyVaultUri}secrets'

var settings = {
  // The Functions host's own storage (and the Durable task hub's: its connection defaults to AzureWebJobsStorage).
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  // DefaultAzureCredential in the worker picks the user-assigned identity from here.
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: insightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // host.json names the task hub %DurableTaskHubName%; its partition count is fixed in host.json.
  DurableTaskHubName: 'dunning'
  Dunning__Storage__AccountName: storageAccountName
  Dunning__Storage__Prefix: dataPrefix
  Dunning__Clock__Speed: '1'
  Dunning__Channels__Provider: 'Acs'
  Dunning__Channels__Acs__Endpoint: communicationEndpoint
  Dunning__Channels__Acs__SenderPhone: smsSenderPhone
  Dunning__Channels__Acs__SenderEmail: senderEmail
  Dunning__Channels__Acs__WebhookSecret: '@Microsoft.KeyVault(SecretUri=${secrets}/acs-webhook-secret)'
  Dunning__Webhooks__PaymentSecret: '@Microsoft.KeyVault(SecretUri=${secrets}/payment-webhook-secret)'
  Dunning__Legal__WebhookUrl: legalWebhookUrl
  Dunning__Legal__WebhookSecret: signsLegalWebhook ? '@Microsoft.KeyVault(SecretUri=${secrets}/legal-webhook-secret)' : ''
  Dunning__Auth__ApiKeys__0__Name: 'operator'
  Dunning__Auth__ApiKeys__0__Key: '@Microsoft.KeyVault(SecretUri=${secrets}/api-key-operator)'
  Dunning__Auth__ApiKeys__0__Role: 'operator'
  Dunning__Auth__ApiKeys__1__Name: 'supervisor'
  Dunning__Auth__ApiKeys__1__Key: '@Microsoft.KeyVault(SecretUri=${secrets}/api-key-supervisor)'
  Dunning__Auth__ApiKeys__1__Role: 'supervisor'
  Dunning__Auth__ApiKeys__2__Name: 'viewer'
  Dunning__Auth__ApiKeys__2__Key: '@Microsoft.KeyVault(SecretUri=${secrets}/api-key-viewer)'
  Dunning__Auth__ApiKeys__2__Role: 'viewer'
  // The supervisor console is served by this app at /console (same origin as the API); Entra sign-in is optional.
  Dunning__Auth__Entra__Authority: entraAuthority
  Dunning__Auth__Entra__Audience: entraAudience
  Dunning__Console__Entra__ClientId: consoleClientId
  Dunning__Console__Entra__Scopes__0: consoleScope
}

// Flex rejects these two (functionAppConfig.runtime says it there). Elastic Premium has no Azure Files share (it needs
// the account key), so it runs the package straight from the deployment container, fetched with the identity.
var premiumSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  WEBSITE_RUN_FROM_PACKAGE: '${deploymentContainerUrl}/functionapp.zip'
  WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: identityId
}

resource hostingPlan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  sku: isFlex ? { name: 'FC1', tier: 'FlexConsumption' } : { name: 'EP1', tier: 'ElasticPremium' }
  kind: isFlex ? 'functionapp' : 'elastic'
  properties: {
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : maximumInstanceCount
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: '${name}-app-${suffix}'
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: hostingPlan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: isFlex
      ? {
          runtime: { name: 'dotnet-isolated', version: '10.0' }
          scaleAndConcurrency: {
            // The durable group (orchestrations, activities, entities) always has an instance polling the task hub,
            // so timers fire and queued work starts while no HTTP request arrives.
            alwaysReady: [{ name: 'durable', instanceCount: 1 }]
            instanceMemoryMB: instanceMemoryMB
            maximumInstanceCount: maximumInstanceCount
          }
          deployment: {
            storage: {
              type: 'blobContainer'
              value: deploymentContainerUrl
              authentication: {
                type: 'UserAssignedIdentity'
                userAssignedIdentityResourceId: identityId
              }
            }
          }
        }
      : null
    siteConfig: {
      linuxFxVersion: isFlex ? null : 'DOTNET-ISOLATED|10.0'
      minimumElasticInstanceCount: isFlex ? null : 1
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

// A resource of its own, after the roles (the modules it takes values from assign them), so the first start finds the
// Key Vault references resolvable and the storage reachable.
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: app
  name: 'appsettings'
  properties: isFlex ? settings : union(settings, premiumSettings)
}

output name string = app.name
output hostName string = app.properties.defaultHostName
