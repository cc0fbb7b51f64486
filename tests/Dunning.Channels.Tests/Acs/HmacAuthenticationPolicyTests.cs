using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Dunning.Channels.Acs;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Channels.Tests.Acs;

/// <summary>The HMAC scheme as the service checks it, against a server that recomputes every signature.</summary>
public sealed class HmacAuthenticationPolicyTests : IAsyncLifetime
{
    private FakeAcsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAcsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GivenSignedRequest_WhenTheServiceRecomputesTheSignature_ThenItIsAccepted()
    {
        var client = AcsTestKit.SmsClient(_server, AcsTestKit.FastOptions());

        var results = await client.SendAsync(Request("+8613800138000"));

        Assert.Empty(_server.AuthFailures);
        Assert.True(Assert.Single(results).Successful);
    }

    [Fact]
    public async Task GivenBodyChangedAfterSigning_WhenSent_ThenTheServiceRefusesItWith401()
    {
        var options = AcsPipeline.ClientOptions(AcsTestKit.FastOptions());
        options.AddPolicy(new TamperPolicy(updateHash: false), HttpPipelinePosition.PerRetry);
        var client = AcsTestKit.SmsClient(_server, AcsTestKit.FastOptions(), options);

        var refused = await Assert.ThrowsAsync<AcsRequestException>(() => client.SendAsync(Request("+8613800138000")));

        Assert.Equal(401, refused.Status);
        Assert.Contains("content hash", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_server.SentSms);
    }

    [Fact]
    public async Task GivenBodyAndItsHashChangedAfterSigning_WhenSent_ThenTheSignatureNoLongerMatches()
    {
        var options = AcsPipeline.ClientOptions(AcsTestKit.FastOptions());
        options.AddPolicy(new TamperPolicy(updateHash: true), HttpPipelinePosition.PerRetry);
        var client = AcsTestKit.SmsClient(_server, AcsTestKit.FastOptions(), options);

        var refused = await Assert.ThrowsAsync<AcsRequestException>(() => client.SendAsync(Request("+8613800138000")));

        Assert.Equal(401, refused.Status);
        Assert.Equal(["signature mismatch"], _server.AuthFailures);
    }

    [Fact]
    public async Task GivenAnotherResourcesKey_WhenSent_ThenTheServiceRefusesIt()
    {
        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var client = new AcsSmsClient(AcsPipeline.Build(AcsPipeline.ClientOptions(AcsTestKit.FastOptions()),
            new AcsConnectionString(_server.Endpoint, otherKey), TimeProvider.System), _server.Endpoint);

        var refused = await Assert.ThrowsAsync<AcsRequestException>(() => client.SendAsync(Request("+8613800138000")));

        Assert.Equal(401, refused.Status);
        Assert.Equal("Denied", refused.ErrorCode);
    }

    [Fact]
    public async Task GivenSignerClockTwentyMinutesSlow_WhenSent_ThenTheDateIsRefused()
    {
        var slow = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-20));
        var client = new AcsSmsClient(AcsPipeline.Build(AcsPipeline.ClientOptions(AcsTestKit.FastOptions()), _server.Connection, slow), _server.Endpoint);

        var refused = await Assert.ThrowsAsync<AcsRequestException>(() => client.SendAsync(Request("+8613800138000")));

        Assert.Equal(401, refused.Status);
        Assert.Equal(slow.GetUtcNow().ToString("r", CultureInfo.InvariantCulture), Assert.Single(_server.SignedDates));
    }

    [Fact]
    public async Task GivenTwoFailedAttempts_WhenAzureCoreRetries_ThenEveryAttemptIsSignedAfreshAndAccepted()
    {
        // Each reading of this clock moves it on a minute: one date per attempt proves the policy runs per retry.
        var ticking = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-5)) { AutoAdvanceAmount = TimeSpan.FromMinutes(1) };
        var client = new AcsSmsClient(AcsPipeline.Build(AcsPipeline.ClientOptions(AcsTestKit.FastOptions()), _server.Connection, ticking), _server.Endpoint);
        _server.FailNext("sms", 500, times: 2);

        await client.SendAsync(Request("+8613800138000"));

        Assert.Equal(3, _server.Requests("sms"));
        Assert.Equal(3, _server.SignedDates.Distinct().Count());
        Assert.Empty(_server.AuthFailures);
    }

    [Fact]
    public async Task GivenHttpsEndpointOnTheDefaultPort_WhenSigned_ThenTheHostIsSignedWithoutPort()
    {
        var handler = new CapturingHandler();
        var options = AcsPipeline.ClientOptions(AcsTestKit.FastOptions());
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        var endpoint = new Uri("https://contoso.communication.azure.com:443/");
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var client = new AcsSmsClient(AcsPipeline.Build(options, new AcsConnectionString(endpoint, key), clock), endpoint);

        await client.SendAsync(Request("+8613800138000"));

        var request = handler.Request!;
        var date = request.Headers.GetValues("x-ms-date").Single();
        var hash = Convert.ToBase64String(SHA256.HashData(handler.Body));
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key),
            Encoding.ASCII.GetBytes($"POST\n/sms?api-version=2021-03-07\n{date};contoso.communication.azure.com;{hash}")));
        Assert.Equal("Tue, 04 Mar 2025 05:06:07 GMT", date);
        Assert.Equal(hash, request.Headers.GetValues("x-ms-content-sha256").Single());
        Assert.Equal($"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={expected}", request.Headers.Authorization!.ToString());
    }

    private static SmsSendRequest Request(string to) =>
        new(AcsTestKit.SenderPhone, [new SmsRecipient(to, Guid.NewGuid(), DateTimeOffset.UtcNow)], "Your payment is due.");

    /// <summary>Changes the body after the HMAC policy signed it, as a proxy or an attacker might.</summary>
    private sealed class TamperPolicy(bool updateHash) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            var tampered = Encoding.UTF8.GetBytes("""{"from":"+18005550100","smsRecipients":[],"message":"pay to another account"}""");
            message.Request.Content = RequestContent.Create(tampered);
            if (updateHash)
            {
                message.Request.Headers.SetValue("x-ms-content-sha256", Convert.ToBase64String(SHA256.HashData(tampered)));
            }
        }
    }
}
