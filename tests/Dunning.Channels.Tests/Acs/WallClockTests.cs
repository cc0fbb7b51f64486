using System.Globalization;
using Dunning.Workflow.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Channels.Tests.Acs;

/// <summary>Under a business clock set years ahead, what Communication Services checks against its own clock (the signed
/// date, the repeatability first-sent instant) is real time, read from the wall clock the host registers beside it,
/// while the message log keeps the business time the case history has.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WallClockTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset BusinessStart = new(2031, 5, 6, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GivenAVirtualClockYearsAhead_WhenAnSmsIsSentThroughTheComposedProvider_ThenTheServiceSeesRealTimeAndTheLogBusinessTime()
    {
        await using var server = await FakeAcsServer.StartAsync();
        var prefix = azurite.UniqueName("wall");
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(BusinessStart));
        services.AddKeyedSingleton(WallClock.Key, TimeProvider.System);
        services.AddMessageProviders(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dunning:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Dunning:Storage:Prefix"] = prefix,
            ["Dunning:Channels:Provider"] = "Acs",
            ["Dunning:Channels:Acs:ConnectionString"] = $"endpoint={server.Endpoint};accesskey={server.AccessKey}",
            ["Dunning:Channels:Acs:SenderPhone"] = AcsTestKit.SenderPhone,
            ["Dunning:Channels:Acs:SenderEmail"] = AcsTestKit.SenderEmail,
            ["Dunning:Channels:Acs:SmsPerSecond"] = "0",
        }).Build());
        await using var provider = services.BuildServiceProvider();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var receipt = await provider.GetRequiredService<ISmsProvider>().SendAsync(AcsTestKit.Sms("c0901", "k1"));

        Assert.True(receipt.Accepted, receipt.Error);
        var attempt = Assert.Single(server.SmsAttempts);
        var firstSent = DateTimeOffset.ParseExact(attempt.RepeatabilityFirstSent, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var signed = DateTimeOffset.ParseExact(Assert.Single(server.SignedDates), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(firstSent, before.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.InRange(signed, before.AddSeconds(-1), DateTimeOffset.UtcNow);
        var logged = await provider.GetRequiredService<MessageLog>().FindAsync("c0901", "k1");
        Assert.InRange(logged!.At, BusinessStart, BusinessStart.AddMinutes(5));
    }
}
