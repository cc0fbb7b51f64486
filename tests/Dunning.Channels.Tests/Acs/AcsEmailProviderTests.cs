using System.Diagnostics;
using System.Text.Json;
using Dunning.Channels.Acs;
using Dunning.Domain;
using Dunning.Workflow.Tests;

namespace Dunning.Channels.Tests.Acs;

/// <summary>E-mail as a long-running operation under an Operation-Id derived from the key: polled to its end, never
/// started twice.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcsEmailProviderTests(AzuriteFixture storage) : IAsyncLifetime
{
    private FakeAcsServer _server = null!;
    private readonly string _prefix = storage.UniqueName("acsmail");

    public async Task InitializeAsync() => _server = await FakeAcsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GivenAnOperationRunningTwoPolls_WhenSent_ThenItIsPolledToSucceededUnderTheKeysOperationId()
    {
        _server.EmailPollsBeforeEnd = 2;
        var tables = AcsTestKit.Tables(storage, _prefix);
        var email = AcsTestKit.Email("c0101", "k2");

        var receipt = await AcsTestKit.EmailProvider(_server, tables, AcsTestKit.FastOptions()).SendAsync(email);

        var operationId = DeterministicGuid.From(email.IdempotencyKey).ToString("D");
        Assert.Equal(new EmailReceipt(operationId, true, "Succeeded", null), receipt);
        Assert.Equal([operationId], _server.OperationIdsPosted);
        Assert.Equal(3, _server.Requests("email-status"));
        using var body = JsonDocument.Parse(Assert.Single(_server.SentEmails).Body);
        var json = body.RootElement;
        Assert.Equal(AcsTestKit.SenderEmail, json.GetProperty("senderAddress").GetString());
        Assert.Equal("debtor@example.com", json.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal("Li Lei", json.GetProperty("recipients").GetProperty("to")[0].GetProperty("displayName").GetString());
        Assert.Equal(email.Subject, json.GetProperty("content").GetProperty("subject").GetString());
        Assert.Equal(email.PlainText, json.GetProperty("content").GetProperty("plainText").GetString());
        Assert.Equal(email.Html, json.GetProperty("content").GetProperty("html").GetString());
        Assert.Equal(Convert.ToBase64String("<h1>Notice</h1>"u8), json.GetProperty("attachments")[0].GetProperty("contentInBase64").GetString());
        Assert.True(json.GetProperty("userEngagementTrackingDisabled").GetBoolean());
        var log = new MessageLog(tables, TimeProvider.System);
        Assert.Equal(MessageStatus.Sent, (await log.FindAsync("c0101", "k2"))!.Status);
        Assert.Equal(new MessageRoute("c0101", "k2", ContactChannel.Email), await log.FindRouteAsync(operationId.ToUpperInvariant()));
    }

    [Fact]
    public async Task GivenTheOperationFails_WhenSent_ThenTheReceiptSaysWhy()
    {
        _server.EmailOutcome = "Failed";
        var tables = AcsTestKit.Tables(storage, _prefix);

        var receipt = await AcsTestKit.EmailProvider(_server, tables, AcsTestKit.FastOptions()).SendAsync(AcsTestKit.Email("c0102", "k2"));

        Assert.False(receipt.Succeeded);
        Assert.Equal("Failed", receipt.Status);
        Assert.Equal("Failed (EmailDroppedAllRecipientsSuppressed): Message was not delivered: all recipients are suppressed.", receipt.Error);
        Assert.Equal(MessageStatus.Failed, (await new MessageLog(tables, TimeProvider.System).FindAsync("c0102", "k2"))!.Status);
    }

    [Fact]
    public async Task GivenRetryAfterOnTheSend_WhenPolling_ThenTheFirstPollWaitsForIt()
    {
        _server.EmailPollsBeforeEnd = 0;
        _server.EmailRetryAfter = "1";
        var watch = Stopwatch.StartNew();

        var receipt = await AcsTestKit.EmailProvider(_server, AcsTestKit.Tables(storage, _prefix), AcsTestKit.FastOptions()).SendAsync(AcsTestKit.Email("c0103", "k2"));

        Assert.True(receipt.Succeeded);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.95), $"polled after {watch.Elapsed}, before the asked 1 s");
        Assert.Equal(1, _server.Requests("email-status"));
    }

    [Fact]
    public async Task GivenTheSendAnswerIsLost_WhenAzureCoreRetries_ThenTheConflictLeadsToPollingAndOneEmailLeaves()
    {
        _server.LoseNextAnswer("email-send");

        var receipt = await AcsTestKit.EmailProvider(_server, AcsTestKit.Tables(storage, _prefix), AcsTestKit.FastOptions()).SendAsync(AcsTestKit.Email("c0104", "k2"));

        Assert.True(receipt.Succeeded);
        Assert.Equal([receipt.OperationId, receipt.OperationId], _server.OperationIdsPosted);
        Assert.Single(_server.SentEmails);
    }

    [Fact]
    public async Task GivenTheSameKeyTwice_WhenTheOutboxRedelivers_ThenTheSecondResumesTheOperationWithoutSending()
    {
        var email = AcsTestKit.Email("c0105", "k2");

        var first = await AcsTestKit.EmailProvider(_server, AcsTestKit.Tables(storage, _prefix), AcsTestKit.FastOptions()).SendAsync(email);
        var again = await AcsTestKit.EmailProvider(_server, AcsTestKit.Tables(storage, _prefix), AcsTestKit.FastOptions()).SendAsync(email);

        Assert.Equal(first, again);
        Assert.Single(_server.OperationIdsPosted);
        Assert.Single(_server.SentEmails);
    }

    [Fact]
    public async Task GivenAnOperationThatNeverEnds_WhenTheWaitIsUsedUp_ThenTheSendFailsAndTheRetryResumesIt()
    {
        _server.EmailPollsBeforeEnd = 1_000_000;
        var options = AcsTestKit.FastOptions();
        options.EmailMaxWait = TimeSpan.FromMilliseconds(200);
        var email = AcsTestKit.Email("c0106", "k2");

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => AcsTestKit.EmailProvider(_server, AcsTestKit.Tables(storage, _prefix), options).SendAsync(email));
        var statusCalls = _server.Requests("email-status");
        await Assert.ThrowsAsync<TimeoutException>(() => AcsTestKit.EmailProvider(_server, AcsTestKit.Tables(storage, _prefix), options).SendAsync(email));

        Assert.Contains("still Running", timeout.Message, StringComparison.Ordinal);
        Assert.Single(_server.OperationIdsPosted);
        Assert.True(_server.Requests("email-status") > statusCalls);
    }

    [Fact]
    public async Task GivenTheServiceRefusesTheSender_WhenSent_ThenTheExceptionCarriesItsCodeAndMessage()
    {
        _server.FailNext("email-send", 403, errorCode: "DomainNotLinked", message: "The sender's domain is not linked to this resource.");

        var refused = await Assert.ThrowsAsync<AcsRequestException>(() =>
            AcsTestKit.EmailProvider(_server, AcsTestKit.Tables(storage, _prefix), AcsTestKit.FastOptions()).SendAsync(AcsTestKit.Email("c0107", "k2")));

        Assert.Equal("ACS e-mail send failed: HTTP 403 DomainNotLinked: The sender's domain is not linked to this resource.", refused.Message);
        Assert.Empty(_server.SentEmails);
    }

    [Fact]
    public async Task GivenStatusPollsFailTwice_WhenAzureCoreRetries_ThenTheOperationIsStillFollowedToItsEnd()
    {
        _server.FailNext("email-status", 503, times: 2);

        var receipt = await AcsTestKit.EmailProvider(_server, AcsTestKit.Tables(storage, _prefix), AcsTestKit.FastOptions()).SendAsync(AcsTestKit.Email("c0108", "k2"));

        Assert.True(receipt.Succeeded);
        Assert.Single(_server.SentEmails);
    }
}
