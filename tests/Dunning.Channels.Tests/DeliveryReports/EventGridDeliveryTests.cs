using System.Text.Json;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Dunning.Channels.DeliveryReports;

namespace Dunning.Channels.Tests.DeliveryReports;

/// <summary>Deliveries are read by Azure.Messaging.EventGrid, in either schema and whatever the casing of their names.</summary>
public sealed class EventGridDeliveryTests
{
    [Fact]
    public void GivenAFullEventGridSchemaSmsReport_WhenParsed_ThenTheLibrarysTypedDataCarriesItsFields()
    {
        var delivered = Assert.Single(EventGridDelivery.Parse(AcsEventGridHandlerTests.SmsReport("Outgoing_1", "Failed", "No route", tag: "c1:k2")));

        var report = Assert.IsType<AcsSmsDeliveryReportReceivedEventData>(delivered.SystemData);
        Assert.Equal(SystemEventNames.AcsSmsDeliveryReportReceived, delivered.EventType);
        Assert.Equal(("Outgoing_1", "Failed", "No route", "c1:k2"), (report.MessageId, report.DeliveryStatus, report.DeliveryStatusDetails, report.Tag));
    }

    [Fact]
    public void GivenPascalCaseNamesAndNoSubjectOrDataVersion_WhenParsed_ThenTheEventIsReadAsIfCamelCase()
    {
        var delivered = Assert.Single(EventGridDelivery.Parse(ReportsTestKit.Body("""
            [{ "ID": "ev-9", "EventType": "Microsoft.Communication.SMSReceived",
               "Data": { "MessageId": "Incoming_9", "From": "+8613800138000", "To": "+18005550100", "Message": "STOP" } }]
            """)));

        var inbound = Assert.IsType<AcsSmsReceivedEventData>(delivered.SystemData);
        Assert.Equal(("ev-9", "Incoming_9", "+8613800138000", "STOP"), (delivered.Id, inbound.MessageId, inbound.From, inbound.Message));
    }

    [Fact]
    public void GivenTheCloudEventsSchema_WhenParsed_ThenItsSystemDataIsTypedToo()
    {
        var delivered = Assert.Single(EventGridDelivery.Parse(ReportsTestKit.Body("""
            [{ "id": "ce-1", "source": "/subscriptions/x/resourceGroups/y/providers/Microsoft.Communication/CommunicationServices/z",
               "type": "Microsoft.Communication.EmailDeliveryReportReceived", "specversion": "1.0", "time": "2025-01-01T00:00:00Z",
               "data": { "sender": "DoNotReply@notices.example.com", "recipient": "debtor@example.com", "messageId": "op-1", "status": "Bounced",
                         "deliveryStatusDetails": { "statusMessage": "550 no such user" } } }]
            """)));

        var report = Assert.IsType<AcsEmailDeliveryReportReceivedEventData>(delivered.SystemData);
        Assert.Equal(("ce-1", "op-1", AcsEmailDeliveryReportStatus.Bounced, "550 no such user"),
            (delivered.Id, report.MessageId, report.Status, report.DeliveryStatusDetails.StatusMessage));
    }

    [Fact]
    public void GivenAnEventTypeTheLibraryDoesNotKnow_WhenParsed_ThenItHasNoSystemData()
    {
        var delivered = Assert.Single(EventGridDelivery.Parse(ReportsTestKit.Body("""
            [{ "id": "1", "subject": "s", "eventType": "Contoso.Items.ItemSold", "data": { "itemSku": "512" }, "dataVersion": "1", "eventTime": "2025-01-01T00:00:00Z" }]
            """)));

        Assert.Equal(("Contoso.Items.ItemSold", null), (delivered.EventType, delivered.SystemData));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("42")]
    [InlineData("[1]")]
    [InlineData("""[{ "id": "no-type", "data": {} }]""")]
    public void GivenABodyThatIsNoDeliveryInEitherSchema_WhenParsed_ThenItThrowsJsonException(string body)
    {
        Assert.ThrowsAny<JsonException>(() => EventGridDelivery.Parse(ReportsTestKit.Body(body)));
    }
}
