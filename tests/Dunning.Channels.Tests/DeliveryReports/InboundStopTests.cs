using Dunning.Channels.DeliveryReports;
using Dunning.Domain;
using Dunning.Workflow.Tests;

namespace Dunning.Channels.Tests.DeliveryReports;

/// <summary>An inbound STOP opts the number out of SMS in exactly the cases that texted it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InboundStopTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("  stop ")]
    [InlineData("退订")]
    [InlineData("ＴＤ")]
    [InlineData("td。")]
    public async Task GivenTwoCasesTextedTheNumber_WhenItRepliesAnOptOut_ThenBothAndOnlyThemOptOutOfSms(string reply)
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);
        var capture = kit.Capture();
        await capture.SendAsync(new OutgoingSms("c0301", "k1", "c0301:1", "+8613800138000", "Case 1 is due."));
        await capture.SendAsync(new OutgoingSms("c0302", "k2", "c0302:1", "+86 138-0013-8000", "Case 2 is due."));
        await capture.SendAsync(new OutgoingSms("c0303", "k1", "c0303:1", "+8613900139000", "Case 3 is due."));

        var handled = await kit.Handler().HandleAsync("Notification", Inbound("+8613800138000", reply));

        Assert.Equal(2, handled.Commands);
        foreach (var caseId in (string[])["c0301", "c0302"])
        {
            var (commandId, command) = Assert.Single(kit.SentTo(caseId));
            var optOut = Assert.IsType<OptOut>(command);
            Assert.Equal((ContactChannel.Sms, ActorKind.Debtor), (optOut.Channel, optOut.By.Kind));
            Assert.Equal($"stop-Incoming_1_noam-{caseId}", commandId);
        }

        Assert.Empty(kit.SentTo("c0303"));
    }

    [Theory]
    [InlineData("I will pay tomorrow")]
    [InlineData("stop calling me at work")]
    [InlineData("")]
    public async Task GivenAnyOtherReply_WhenHandled_ThenNoCaseOptsOut(string reply)
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);
        await kit.Capture().SendAsync(new OutgoingSms("c0304", "k1", "c0304:1", "+8613800138000", "Due."));

        var handled = await kit.Handler().HandleAsync("Notification", Inbound("+8613800138000", reply));

        Assert.Equal(0, handled.Commands);
        Assert.Empty(kit.SentTo("c0304"));
    }

    private static ReadOnlyMemory<byte> Inbound(string from, string message) => ReportsTestKit.Body($$"""
        [{ "id": "ev-1", "eventType": "Microsoft.Communication.SMSReceived",
           "data": { "messageId": "Incoming_1_noam", "from": "{{from}}", "to": "+18005550100", "message": {{System.Text.Json.JsonSerializer.Serialize(message)}},
                     "receivedTimestamp": "2025-01-01T00:00:00Z" } }]
        """);
}
