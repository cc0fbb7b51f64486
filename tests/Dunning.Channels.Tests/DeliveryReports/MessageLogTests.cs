using Dunning.Domain;
using Dunning.Workflow.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Channels.Tests.DeliveryReports;

/// <summary>The message log and the capture provider against Azurite: what a new user reads at
/// GET /api/cases/{caseId}/messages.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MessageLogTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GivenCapturedSmsAndEmail_WhenListed_ThenBothReadBackExactlyAndOldestFirst()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 5, 6, 1, 0, 0, TimeSpan.Zero));
        var kit = await ReportsTestKit.CreateAsync(azurite, clock);
        var capture = kit.Capture();
        var email = new OutgoingEmail("c0401", "k10", "c0401:0000000010", "debtor@example.com", "Li Lei", "逾期提醒 Overdue",
            "请支付 1,250.00 元。", "<p>请支付 <b>1,250.00 元</b>。</p>", [new EmailAttachment("notice.html", "text/html", [1, 2, 3])]);
        var sms = new OutgoingSms("c0401", "k2", "c0401:0000000002", "+8613800138000", "【信用】您的账单已逾期，请尽快还款。回复TD退订");

        var smsReceipt = await capture.SendAsync(sms);
        clock.Advance(TimeSpan.FromHours(1));
        var emailReceipt = await capture.SendAsync(email);
        var messages = await kit.Log.ListAsync("c0401");

        Assert.Equal(2, messages.Count);
        var (first, second) = (messages[0], messages[1]);
        Assert.Equal((ContactChannel.Sms, "k2", sms.To, (string?)null, sms.Body, MessageStatus.Captured, clock.Start),
            (first.Channel, first.ContactId, first.To, first.Subject, first.Body, first.Status, first.At));
        Assert.Equal((ContactChannel.Email, email.To, email.Subject, email.PlainText, email.Html, MessageStatus.Captured, clock.Start.AddHours(1)),
            (second.Channel, second.To, second.Subject, second.Body, second.Html, second.Status, second.At));
        Assert.Equal(["notice.html"], second.Attachments);
        Assert.True(smsReceipt.Accepted);
        Assert.Equal(new EmailReceipt(second.ProviderMessageId!, true, MessageStatus.Captured, null), emailReceipt);
    }

    [Fact]
    public async Task GivenTheSameKeyTwice_WhenCaptured_ThenOneMessageAndTheSameReceipt()
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);
        var sms = new OutgoingSms("c0402", "k1", "c0402:0000000001", "+8613800138000", "Due today.");

        var first = await kit.Capture().SendAsync(sms);
        var again = await kit.Capture().SendAsync(sms);

        Assert.Equal(first, again);
        Assert.Single(await kit.Log.ListAsync("c0402"));
    }

    [Fact]
    public async Task GivenAnHtmlLongerThanOneTableProperty_WhenCaptured_ThenItReadsBackWhole()
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);
        var html = string.Concat(Enumerable.Range(0, 9_000).Select(i => $"<p>{i}</p>"));

        await kit.Capture().SendAsync(new OutgoingEmail("c0403", "k1", "c0403:1", "debtor@example.com", "", "Notice", "See HTML.", html, []));

        Assert.True(html.Length > 64_000);
        Assert.Equal(html, (await kit.Log.FindAsync("c0403", "k1"))!.Html);
    }

    [Fact]
    public async Task GivenSmsToOneNumberInTwoSpellings_WhenLookedUp_ThenBothCasesAreFoundAndNoOther()
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);
        await kit.Capture().SendAsync(new OutgoingSms("c0404", "k1", "c0404:1", "+8613800138000", "a"));
        await kit.Capture().SendAsync(new OutgoingSms("c0405", "k1", "c0405:1", "+86 (138) 0013 8000", "b"));
        await kit.Capture().SendAsync(new OutgoingEmail("c0406", "k1", "c0406:1", "debtor@example.com", "", "s", "t", "", []));

        var cases = await kit.Log.CasesMessagedAtAsync("+86-138-0013-8000");

        Assert.Equal(["c0404", "c0405"], cases.Order());
    }

    [Fact]
    public async Task GivenACaseWithoutMessages_WhenListed_ThenTheListIsEmpty()
    {
        var kit = await ReportsTestKit.CreateAsync(azurite);

        Assert.Empty(await kit.Log.ListAsync("c0407"));
        Assert.Null(await kit.Log.FindRouteAsync("captured-unknown"));
    }
}
