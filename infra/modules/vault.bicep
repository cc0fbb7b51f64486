// The Key Vault holding Dunning's secrets (webhook secrets and API keys). The app settings only point at them
// (Key Vault references, resolved by the platform with the app's identity, which holds Key Vault Secrets User).

param vaultName string
param location string

@description('Principal id of the app\'s user-assigned identity.')
param principalId string

@description('Purge protection: irreversible once on.')
param purgeProtection bool

@secure()
@description('Secret name -> value; an empty value stores no secret.')
param secretValues object

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The vault accepts only true here (or nothing): purge protection cannot be switched off.
    enablePurgeProtection: purgeProtection ? true : null
  }
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for secretName in objectKeys(secretValues): if (!empty(secretValues[secretName])) {
    parent: vault
    name: secretName
    properties: {
      value: secretValues[secretName]
    }
  }
]

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, secretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name

@description('https://{vault}.vault.azure.net/ (ends with a slash).')
output uri string = vault.properties.vaultUri
