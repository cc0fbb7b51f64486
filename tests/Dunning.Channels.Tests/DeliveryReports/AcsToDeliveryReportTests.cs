using Dunning.Channels.Tests.Acs;
using Dunning.Domain;
using Dunning.Workflow.Tests;

namespace Dunning.Channels.Tests.DeliveryReports;

/// <summary>The round trip: an SMS sent through the ACS provider, then its delivery report, lands as a command on the
/// case that sent it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcsToDeliveryReportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GivenSmsSentThroughAcs_WhenItsFailureIsReported_ThenTheCaseGetsReportDeliveryForThatContact()
    {
        await using var server = await FakeAcsServer.StartAsync();
        var kit = await ReportsTestKit.CreateAsync(azurite);
        var provider = AcsTestKit.SmsProvider(server, kit.Tables, AcsTestKit.FastOptions());
        var receipt = await provider.SendAsync(AcsTestKit.Sms("c0501", "k7"));

        var reply = await kit.Handler().HandleAsync("Notification", AcsEventGridHandlerTests.SmsReport(receipt.MessageId, "Failed", "Blocked by carrier"));

        Assert.Equal(1, reply.Commands);
        var report = Assert.IsType<ReportDelivery>(Assert.Single(kit.SentTo("c0501")).Command);
        Assert.Equal(("k7", false), (report.ContactId, report.Succeeded));
        Assert.Equal("Failed", (await kit.Log.FindAsync("c0501", "k7"))!.Status);
    }
}
