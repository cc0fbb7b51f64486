// Dunning on Azure: the isolated-worker Function App (the Durable extension runs the case workflows on the storage
// account's task hub), one user-assigned identity through which the app reaches everything (no account key, no ACS
// key, no secret in an app setting: secrets are Key Vault references), Communication Services for SMS and e-mail,
// and monitoring. `bash infra/build.sh` compiles it; infra/README.md says how to deploy.

@description('Short name used to derive resource names.')
@minLength(3)
@maxLength(11)
param name string = 'dunning'

param location string = resourceGroup().location

@description('FlexConsumption (default: scales per function group, the durable group keeps one instance ready) or ElasticPremium (EP1, one instance always warm; for VNet-heavy or long-running needs).')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param plan string = 'FlexConsumption'

@description('Flex Consumption: memory of each instance.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the app scales out to (Flex: maximumInstanceCount; Elastic Premium: maximumElasticWorkerCount, at most 100).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Sender number for SMS, E.164 (acquire it in Communication Services first).')
param smsSenderPhone string = ''

@secure()
@description('Shared secret of the signed payment webhook.')
param paymentWebhookSecret string

@secure()
@description('Shared secret for signing the legal hand-off webhook (empty: hand-offs are not signed).')
param legalWebhookSecret string = ''

@description('Where legal hand-offs are announced (empty: dossiers are stored only).')
param legalWebhookUrl string = ''

@secure()
@description('Secret the Event Grid subscription presents as ?code= on /api/webhooks/acs.')
param acsWebhookSecret string

@secure()
@description('API key of the operator role.')
param apiKeyOperator string

@secure()
@description('API key of the supervisor role.')
param apiKeySupervisor string

@secure()
@description('API key of the viewer role.')
param apiKeyViewer string

@description('Key Vault purge protection (irreversible once on; turn off only for throw-away environments).')
param keyVaultPurgeProtection bool = true

@description('Object id of whoever uploads the package (Elastic Premium runs it from the deployment container): gets Storage Blob Data Contributor on that container. Empty: none.')
param deployerPrincipalId string = ''

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

// Prefix of Dunning's own tables, queues and containers (Dunning:Storage:Prefix); the app creates any that are missing.
var dataPrefix = 'dunning'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${name}-id-${suffix}'
  location: location
}

module storage 'modules/storage.bicep' = {
  name: '${name}-storage'
  params: {
    accountName: toLower('${take(name, 11)}${take(suffix, 13)}')
    location: location
    dataPrefix: dataPrefix
    principalId: identity.properties.principalId
    deployerPrincipalId: deployerPrincipalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: '${name}-monitoring'
  params: {
    name: name
    suffix: suffix
    location: location
    principalId: identity.properties.principalId
  }
}

module communication 'modules/communication.bicep' = {
  name: '${name}-communication'
  params: {
    name: name
    suffix: suffix
    principalId: identity.properties.principalId
  }
}

module vault 'modules/vault.bicep' = {
  name: '${name}-vault'
  params: {
    vaultName: '${take(name, 11)}-kv-${take(suffix, 8)}'
    location: location
    principalId: identity.properties.principalId
    purgeProtection: keyVaultPurgeProtection
    // Secret name -> value; an empty value stores no secret.
    secretValues: {
      'payment-webhook-secret': paymentWebhookSecret
      'legal-webhook-secret': legalWebhookSecret
      'acs-webhook-secret': acsWebhookSecret
      'api-key-operator': apiKeyOperator
      'api-key-supervisor': apiKeySupervisor
      'api-key-viewer': apiKeyViewer
    }
  }
}

module app 'modules/app.bicep' = {
  name: '${name}-app'
  params: {
    name: name
    suffix: suffix
    location: location
    plan: plan
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    identityId: identity.id
    identityClientId: identity.properties.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    dataPrefix: dataPrefix
    insightsConnectionString: monitoring.outputs.connectionString
    communicationEndpoint: communication.outputs.endpoint
    senderEmail: communication.outputs.senderEmail
    smsSenderPhone: smsSenderPhone
    keyVaultUri: vault.outputs.uri
    signsLegalWebhook: !empty(legalWebhookSecret)
    legalWebhookUrl: legalWebhookUrl
    entraAuthority: entraAuthority
    entraAudience: entraAudience
    consoleClientId: consoleClientId
    consoleScope: consoleScope
  }
}

module deliveryReports 'modules/delivery-reports.bicep' = if (subscribeDeliveryReports) {
  name: '${name}-delivery-reports'
  params: {
    topicName: '${name}-acs-events-${suffix}'
    communicationName: communication.outputs.name
    endpointUrl: 'https://${app.outputs.hostName}/api/webhooks/acs?code=${uriComponent(acsWebhookSecret)}'
  }
}

output appName string = app.outputs.name
output appUrl string = 'https://${app.outputs.hostName}'
output consoleUrl string = 'https://${app.outputs.hostName}/console'
output storageAccount string = storage.outputs.name
output communicationServices string = communication.outputs.name
output keyVault string = vault.outputs.name
output deploymentContainer string = storage.outputs.deploymentContainer
