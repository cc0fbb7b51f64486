// Communication Services for SMS and e-mail, with an Azure-managed e-mail domain. Access keys are off: the app sends
// with Entra ID tokens of its identity.

param name string
param suffix string

@description('Principal id of the app\'s user-assigned identity.')
param principalId string

// "Communication and Email Service Owner": the built-in role Communication Services documents for sending SMS and
// e-mail with an Entra ID identity. It covers only Communication and Email Services actions, where Contributor would
// add every other write at that scope; Communication Services ignores custom roles, so there is nothing narrower.
var communicationSender = '09976791-48a7-449e-bb21-39d1a415f350'

resource email 'Microsoft.Communication/emailServices@2025-05-01' = {
  name: '${name}-email-${suffix}'
  location: 'global'
  properties: { dataLocation: 'Europe' }
}

resource emailDomain 'Microsoft.Communication/emailServices/domains@2025-05-01' = {
  parent: email
  name: 'AzureManagedDomain'
  location: 'global'
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communication 'Microsoft.Communication/communicationServices@2025-05-01' = {
  name: '${name}-acs-${suffix}'
  location: 'global'
  properties: {
    dataLocation: 'Europe'
    linkedDomains: [emailDomain.id]
    disableLocalAuth: true
  }
}

resource send 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communication.id, principalId, communicationSender)
  scope: communication
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', communicationSender)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = communication.name
output endpoint string = 'https://${communication.properties.hostName}'
output senderEmail string = 'DoNotReply@${emailDomain.properties.mailFromSenderDomain}'
