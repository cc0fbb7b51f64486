using System.Globalization;
using Dunning.Channels.Acs;
using Dunning.Domain;
using Dunning.Workflow.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Channels.Tests.Acs;

/// <summary>No debtor gets the same SMS twice: not under Azure.Core retries, not when the outbox redelivers, not after a
/// crash. The fake counts what it actually sent.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcsSmsProviderTests(AzuriteFixture storage) : IAsyncLifetime
{
    private FakeAcsServer _server = null!;
    private readonly string _prefix = storage.UniqueName("acssms");

    public async Task InitializeAsync() => _server = await FakeAcsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GivenNewKey_WhenSent_ThenAcceptedUnderTheKeysRepeatabilityIdAndLogged()
    {
        var tables = AcsTestKit.Tables(storage, _prefix);
        var sms = AcsTestKit.Sms("c0001", "k1");

        var receipt = await AcsTestKit.SmsProvider(_server, tables, AcsTestKit.FastOptions()).SendAsync(sms);

        var sent = Assert.Single(_server.SentSms);
        Assert.Equal(new SmsReceipt(sent.MessageId, true, null), receipt);
        Assert.Equal(DeterministicGuid.From(sms.IdempotencyKey).ToString("D"), sent.RepeatabilityRequestId);
        Assert.Equal((AcsTestKit.SenderPhone, sms.To, sms.Body, "c0001:k1"), (sent.From, sent.To, sent.Message, sent.Tag));
        var log = new MessageLog(tables, TimeProvider.System);
        var record = await log.FindAsync("c0001", "k1");
        Assert.Equal((MessageStatus.Accepted, sent.MessageId, sms.To, sms.Body), (record!.Status, record.ProviderMessageId, record.To, record.Body));
        Assert.Equal(new MessageRoute("c0001", "k1", ContactChannel.Sms), await log.FindRouteAsync(sent.MessageId));
    }

    [Fact]
    public async Task GivenTheAnswerIsLost_WhenAzureCoreRetries_ThenTheServiceSendsOnce()
    {
        _server.LoseNextAnswer("sms");
        var provider = AcsTestKit.SmsProvider(_server, AcsTestKit.Tables(storage, _prefix), AcsTestKit.FastOptions());

        var receipt = await provider.SendAsync(AcsTestKit.Sms("c0002", "k1"));

        Assert.True(receipt.Accepted);
        Assert.Equal(2, _server.Requests("sms"));
        Assert.Single(_server.SmsAttempts.Select(a => (a.RepeatabilityRequestId, a.RepeatabilityFirstSent)).Distinct());
        Assert.Equal(receipt.MessageId, Assert.Single(_server.SentSms).MessageId);
    }

    [Fact]
    public async Task GivenTheSameKeyTwice_WhenTheOutboxRedelivers_ThenTheSamePairIsSentAndOneSmsLeaves()
    {
        var provider = AcsTestKit.SmsProvider(_server, AcsTestKit.Tables(storage, _prefix), AcsTestKit.FastOptions());
        var sms = AcsTestKit.Sms("c0003", "k1");

        var first = await provider.SendAsync(sms);
        var again = await provider.SendAsync(sms);

        Assert.Equal(first, again);
        Assert.Equal(2, _server.SmsAttempts.Count);
        Assert.Single(_server.SmsAttempts.Select(a => (a.RepeatabilityRequestId, a.RepeatabilityFirstSent)).Distinct());
        Assert.Single(_server.SentSms);
        Assert.Single(await new MessageLog(AcsTestKit.Tables(storage, _prefix), TimeProvider.System).ListAsync("c0003"));
    }

    [Fact]
    public async Task GivenACrashAfterFailedAttempts_WhenRedeliveredMinutesLater_ThenTheFirstSentInstantIsReused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sms = AcsTestKit.Sms("c0004", "k1");
        _server.FailNext("sms", 500, times: 4);
        var beforeCrash = AcsTestKit.SmsProvider(_server, AcsTestKit.Tables(storage, _prefix), AcsTestKit.FastOptions(maxRetries: 3), clock);
        await Assert.ThrowsAsync<AcsRequestException>(() => beforeCrash.SendAsync(sms));

        clock.Advance(TimeSpan.FromMinutes(3));
        var afterRestart = AcsTestKit.SmsProvider(_server, AcsTestKit.Tables(storage, _prefix), AcsTestKit.FastOptions(maxRetries: 3), clock);
        var receipt = await afterRestart.SendAsync(sms);

        Assert.True(receipt.Accepted);
        Assert.Equal(5, _server.Requests("sms"));
        var firstSent = clock.Start.ToString("r", CultureInfo.InvariantCulture);
        Assert.Equal(firstSent, Assert.Single(_server.SentSms).RepeatabilityFirstSent);
        Assert.All(_server.SmsAttempts, a => Assert.Equal(firstSent, a.RepeatabilityFirstSent));
    }

    [Fact]
    public async Task GivenTheServiceRefusesTheNumber_WhenSent_ThenNotAcceptedWithItsReasonAndNotRetried()
    {
        _server.RejectedNumbers.Add("+19999999999");
        var tables = AcsTestKit.Tables(storage, _prefix);

        var receipt = await AcsTestKit.SmsProvider(_server, tables, AcsTestKit.FastOptions()).SendAsync(AcsTestKit.Sms("c0005", "k1", "+19999999999"));

        Assert.False(receipt.Accepted);
        Assert.Equal("HTTP 400: Invalid To phone number format.", receipt.Error);
        Assert.Equal(1, _server.Requests("sms"));
        Assert.Equal(MessageStatus.Rejected, (await new MessageLog(tables, TimeProvider.System).FindAsync("c0005", "k1"))!.Status);
    }

    [Fact]
    public async Task GivenTheRecipientIsThrottled_WhenSent_ThenItThrowsAndTheLaterAttemptSendsOnceUnderTheSamePair()
    {
        _server.ThrottledNumbers.Add("+8613900139000");
        var provider = AcsTestKit.SmsProvider(_server, AcsTestKit.Tables(storage, _prefix), AcsTestKit.FastOptions());
        var sms = AcsTestKit.Sms("c0006", "k1", "+8613900139000");

        var transient = await Assert.ThrowsAsync<AcsRequestException>(() => provider.SendAsync(sms));
        _server.ThrottledNumbers.Clear();
        var receipt = await provider.SendAsync(sms);

        Assert.True(transient.IsTransient);
        Assert.True(receipt.Accepted);
        Assert.Single(_server.SmsAttempts.Select(a => a.RepeatabilityRequestId).Distinct());
        Assert.Single(_server.SentSms);
    }

    [Fact]
    public async Task GivenTheServiceRejectsTheRepeat_WhenSent_ThenNotAcceptedAndNoFreshIdIsTried()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tables = AcsTestKit.Tables(storage, _prefix);
        var sms = AcsTestKit.Sms("c0007", "k1");
        await AcsTestKit.SmsProvider(_server, tables, AcsTestKit.FastOptions(), clock).SendAsync(sms);
        // The send log lost its row (say, restored from an old backup): the next attempt has another first-sent.
        await tables.SendLog.DeleteEntityAsync(TableKeys.Hash(sms.IdempotencyKey), "first");
        clock.Advance(TimeSpan.FromSeconds(5));

        var receipt = await AcsTestKit.SmsProvider(_server, tables, AcsTestKit.FastOptions(), clock).SendAsync(sms);

        Assert.False(receipt.Accepted);
        Assert.Contains("not sent again", receipt.Error, StringComparison.Ordinal);
        Assert.Single(_server.SentSms);
    }
}
