using Dunning.Channels.DeliveryReports;
using Dunning.Domain;
using Dunning.Workflow.Tests;

namespace Dunning.Channels.Tests.DeliveryReports;

/// <summary>Event Grid deliveries become case commands, each named by its event, so a redelivered event is applied once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcsEventGridHandlerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GivenSubscriptionValidation_WhenHandled_ThenTheCodeIsEchoedAndNothingIsQueued()
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);

        var reply = await kit.Handler().HandleAsync("SubscriptionValidation", ReportsTestKit.Body("""
            [{ "id": "2d1781af", "topic": "/subscriptions/x", "subject": "", "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent",
               "data": { "validationCode": "512d38b6-c7b8-40c8-89fe-f46f9e9622b6", "validationUrl": "https://rp.example/validate" },
               "eventTime": "2025-01-01T00:00:00Z", "dataVersion": "1", "metadataVersion": "1" }]
            """));

        Assert.Equal(EventGridReply.Validation("512d38b6-c7b8-40c8-89fe-f46f9e9622b6"), reply);
    }

    [Fact]
    public async Task GivenValidationEventWithoutTheHeader_WhenHandled_ThenItIsStillAnswered()
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);

        var reply = await kit.Handler().HandleAsync(null, ReportsTestKit.Body("""
            [{ "EventType": "Microsoft.EventGrid.SubscriptionValidationEvent", "Data": { "ValidationCode": "code-1" } }]
            """));

        Assert.Equal("code-1", reply.ValidationResponse);
    }

    [Fact]
    public async Task GivenFailedSmsDeliveryReport_WhenHandled_ThenReportDeliveryFailedIsQueuedForTheCaseAndTheLogSaysFailed()
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);
        var receipt = await kit.Capture().SendAsync(new OutgoingSms("c0201", "k3", "c0201:0000000007", "+8613800138000", "Pay now."));

        var reply = await kit.Handler().HandleAsync("Notification", SmsReport(receipt.MessageId, "Failed", "No route to destination"));

        Assert.Equal(1, reply.Commands);
        var (commandId, command) = Assert.Single(kit.SentTo("c0201"));
        var report = Assert.IsType<ReportDelivery>(command);
        Assert.Equal(("k3", ContactChannel.Sms, false, "Failed: No route to destination"), (report.ContactId, report.Channel, report.Succeeded, report.Detail));
        Assert.Equal($"dr-{receipt.MessageId}-Failed", commandId);
        var logged = await kit.Log.FindAsync("c0201", "k3");
        Assert.Equal(("Failed", "No route to destination"), (logged!.Status, logged.Detail));
    }

    [Fact]
    public async Task GivenTheSameReportTwice_WhenHandled_ThenBothCarryOneCommandIdSoTheCaseAppliesItOnce()
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);
        var receipt = await kit.Capture().SendAsync(new OutgoingSms("c0202", "k1", "c0202:0000000003", "+8613800138000", "Pay now."));

        await kit.Handler().HandleAsync("Notification", SmsReport(receipt.MessageId, "Delivered", null));
        await kit.Handler().HandleAsync("Notification", SmsReport(receipt.MessageId, "Delivered", null));

        var queued = kit.SentTo("c0202");
        Assert.Equal(2, queued.Count);
        Assert.Single(queued.Select(q => q.CommandId).Distinct());
        Assert.True(Assert.IsType<ReportDelivery>(queued[0].Command).Succeeded);
    }

    [Fact]
    public async Task GivenReportForAMessageNotYetIndexed_WhenHandled_ThenTheTagFindsTheCase()
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);

        var reply = await kit.Handler().HandleAsync("Notification", SmsReport("Outgoing_unknown_noam", "Delivered", null, tag: "c0203:k5"));

        Assert.Equal(1, reply.Commands);
        var report = Assert.IsType<ReportDelivery>(Assert.Single(kit.SentTo("c0203")).Command);
        Assert.Equal(("k5", ContactChannel.Sms, true), (report.ContactId, report.Channel, report.Succeeded));
    }

    [Fact]
    public async Task GivenReportForAnUnknownMessageWithoutTag_WhenHandled_ThenNothingIsQueued()
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);

        var reply = await kit.Handler().HandleAsync("Notification", SmsReport("Outgoing_nobody_noam", "Failed", "x"));

        Assert.Equal(EventGridReply.Handled(0), reply);
    }

    [Theory]
    [InlineData("Delivered", true)]
    [InlineData("Bounced", false)]
    [InlineData("Suppressed", false)]
    [InlineData("FilteredSpam", false)]
    [InlineData("Quarantined", false)]
    [InlineData("Failed", false)]
    public async Task GivenEmailDeliveryReport_WhenHandled_ThenItsVerdictIsQueuedForTheEmailContact(string status, bool succeeded)
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);
        var receipt = await kit.Capture().SendAsync(new OutgoingEmail("c0204", "k4", "c0204:0000000004", "debtor@example.com", "Li Lei",
            "Overdue", "Pay now.", "<p>Pay now.</p>", []));

        // Casing as some samples write it.
        await kit.Handler().HandleAsync("Notification", ReportsTestKit.Body($$"""
            [{ "id": "e1", "EventType": "Microsoft.Communication.EmailDeliveryReportReceived",
               "Data": { "Sender": "DoNotReply@notices.example.com", "Recipient": "debtor@example.com", "MessageId": "{{receipt.OperationId}}",
                         "Status": "{{status}}", "DeliveryStatusDetails": { "StatusMessage": "250 2.0.0 OK" }, "DeliveryAttemptTimestamp": "2025-01-01T00:00:00Z" } }]
            """));

        var report = Assert.IsType<ReportDelivery>(Assert.Single(kit.SentTo("c0204")).Command);
        Assert.Equal(("k4", ContactChannel.Email, succeeded, $"{status}: 250 2.0.0 OK"), (report.ContactId, report.Channel, report.Succeeded, report.Detail));
        Assert.Equal(status, (await kit.Log.FindAsync("c0204", "k4"))!.Status);
    }

    [Fact]
    public async Task GivenEmailStatusThatIsNoVerdict_WhenHandled_ThenOnlyTheLogChanges()
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);
        var receipt = await kit.Capture().SendAsync(new OutgoingEmail("c0205", "k1", "c0205:0000000001", "debtor@example.com", "", "S", "T", "", []));

        var reply = await kit.Handler().HandleAsync("Notification", ReportsTestKit.Body($$"""
            [{ "eventType": "Microsoft.Communication.EmailDeliveryReportReceived", "data": { "messageId": "{{receipt.OperationId}}", "status": "Expanded" } }]
            """));

        Assert.Equal(0, reply.Commands);
        Assert.Empty(kit.SentTo("c0205"));
        Assert.Equal("Expanded", (await kit.Log.FindAsync("c0205", "k1"))!.Status);
    }

    [Fact]
    public async Task GivenBodyThatIsNotJson_WhenHandled_ThenItIsABadRequest()
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);

        var reply = await kit.Handler().HandleAsync("Notification", ReportsTestKit.Body("not json"));

        Assert.Equal(400, reply.StatusCode);
    }

    [Theory]
    [InlineData("""[{ "id": "1", "subject": "", "eventType": "Microsoft.Communication.SMSReceived", "data": {}, "dataVersion": "1", "eventTime": "yesterday" }]""")]
    [InlineData("""[1, 2]""")]
    public async Task GivenEventsTheLibraryCannotRead_WhenHandled_ThenItIsABadRequestAndNothingIsQueued(string body)
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);

        var reply = await kit.Handler().HandleAsync("Notification", ReportsTestKit.Body(body));

        Assert.Equal((400, 0), (reply.StatusCode, reply.Commands));
    }

    [Fact]
    public async Task GivenSecret_WhenCallsCarryCodes_ThenOnlyTheRightCodeIsAuthorized()
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);

        Assert.True(kit.Handler().IsAuthorized(null));
        Assert.False(kit.Handler("s3cret").IsAuthorized(null));
        Assert.False(kit.Handler("s3cret").IsAuthorized("S3cret"));
        Assert.True(kit.Handler("s3cret").IsAuthorized("s3cret"));
    }

    internal static ReadOnlyMemory<byte> SmsReport(string messageId, string status, string? details, string? tag = null) => ReportsTestKit.Body($$"""
        [{ "id": "{{Guid.NewGuid()}}", "topic": "/subscriptions/x/resourceGroups/y/providers/Microsoft.Communication/CommunicationServices/z",
           "subject": "/phonenumber/18005550100", "eventType": "Microsoft.Communication.SMSDeliveryReportReceived",
           "data": { "messageId": "{{messageId}}", "from": "+18005550100", "to": "+8613800138000", "deliveryStatus": "{{status}}",
                     "deliveryStatusDetails": {{(details is null ? "null" : $"\"{details}\"")}}, "receivedTimestamp": "2025-01-01T00:00:00Z",
                     "deliveryAttempts": [{ "timestamp": "2025-01-01T00:00:00Z", "segmentsSucceeded": 1, "segmentsFailed": 0 }],
                     "tag": {{(tag is null ? "null" : $"\"{tag}\"")}} },
           "eventTime": "2025-01-01T00:00:00Z", "dataVersion": "1.0", "metadataVersion": "1" }]
        """);
}
