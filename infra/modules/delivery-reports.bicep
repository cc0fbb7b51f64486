// Event Grid brings SMS and e-mail delivery reports and inbound SMS (STOP opt-outs) from Communication Services to
// the app's webhook. Event Grid validates the endpoint on creation, so deploy the code before this.

param topicName string
param communicationName string

@secure()
@description('https://{app}/api/webhooks/acs?code={secret}: the code tells Event Grid from anyone else, so the whole URL is a secret.')
param endpointUrl string

resource communication 'Microsoft.Communication/communicationServices@2025-05-01' existing = {
  name: communicationName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: topicName
  location: 'global'
  properties: {
    source: communication.id
    topicType: 'Microsoft.Communication.CommunicationServices'
  }
}

resource toApp 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'to-dunning'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: endpointUrl
      }
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
