using System.Diagnostics;
using Dunning.Channels.Acs;

namespace Dunning.Channels.Tests.Acs;

/// <summary>The SMS client on the wire: per-recipient results, Azure.Core retries, errors that say what failed.</summary>
public sealed class AcsSmsClientTests : IAsyncLifetime
{
    private FakeAcsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAcsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GivenTwoRecipientsOneInvalid_WhenSent_ThenEachGetsItsOwnResult()
    {
        _server.RejectedNumbers.Add("+10000000000");
        var client = AcsTestKit.SmsClient(_server, AcsTestKit.FastOptions());

        var results = await client.SendAsync(new SmsSendRequest(AcsTestKit.SenderPhone,
            [Recipient("+8613800138000"), Recipient("+10000000000")], "Payment due today.", Tag: "c1:k1"));

        Assert.Collection(results,
            ok => Assert.True(ok is { Successful: true, HttpStatusCode: 202, MessageId: not null, RepeatabilityRejected: false }),
            bad => Assert.True(bad is { Successful: false, HttpStatusCode: 400, MessageId: null, IsTransient: false, ErrorMessage: "Invalid To phone number format." }));
        Assert.Equal("c1:k1", Assert.Single(_server.SentSms).Tag);
    }

    [Fact]
    public async Task GivenTooManyRequestsWithRetryAfter_WhenSent_ThenAzureCoreWaitsAndTheRetrySendsOnce()
    {
        _server.FailNext("sms", 429, retryAfter: "1");
        var client = AcsTestKit.SmsClient(_server, AcsTestKit.FastOptions());
        var watch = Stopwatch.StartNew();

        var results = await client.SendAsync(new SmsSendRequest(AcsTestKit.SenderPhone, [Recipient("+8613800138000")], "Payment due today."));

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {watch.Elapsed}, before the asked 1 s");
        Assert.True(Assert.Single(results).Successful);
        Assert.Equal(2, _server.Requests("sms"));
        Assert.Single(_server.SentSms);
    }

    [Fact]
    public async Task GivenServerErrorsBeyondTheRetries_WhenSent_ThenTheExceptionCarriesCodeAndMessage()
    {
        _server.FailNext("sms", 503, times: 3, errorCode: "ServiceUnavailable", message: "The SMS service is down for maintenance.");
        var client = AcsTestKit.SmsClient(_server, AcsTestKit.FastOptions(maxRetries: 2));

        var failure = await Assert.ThrowsAsync<AcsRequestException>(() =>
            client.SendAsync(new SmsSendRequest(AcsTestKit.SenderPhone, [Recipient("+8613800138000")], "Payment due today.")));

        Assert.Equal(3, _server.Requests("sms"));
        Assert.Equal((503, "ServiceUnavailable", true), (failure.Status, failure.ErrorCode, failure.IsTransient));
        Assert.Equal("ACS SMS send failed: HTTP 503 ServiceUnavailable: The SMS service is down for maintenance.", failure.Message);
    }

    [Fact]
    public async Task GivenMoreThanAHundredRecipients_WhenSent_ThenNothingLeaves()
    {
        var client = AcsTestKit.SmsClient(_server, AcsTestKit.FastOptions());
        var recipients = Enumerable.Range(0, 101).Select(i => Recipient($"+86138{i:D8}")).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(new SmsSendRequest(AcsTestKit.SenderPhone, recipients, "Hi")));

        Assert.Equal(0, _server.Requests("sms"));
    }

    private static SmsRecipient Recipient(string to) => new(to, Guid.NewGuid(), DateTimeOffset.UtcNow);
}
