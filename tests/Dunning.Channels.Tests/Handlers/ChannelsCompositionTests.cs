using Dunning.Channels.Hosting;
using Dunning.Channels.Legal;
using Dunning.Channels.Templates;
using Dunning.Channels.Work;
using Dunning.Domain;
using Dunning.Workflow.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dunning.Channels.Tests;

/// <summary>AddDunningChannels with what the workflow supplies (clock, policies, command log, case records): every effect
/// reaches exactly one channel handler, options bind, and the start-up service creates the channels' storage.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChannelsCompositionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_effect_but_timers_is_claimed_by_exactly_one_channel_handler()
    {
        var prefix = azurite.UniqueName("di");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dunning:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Dunning:Storage:Prefix"] = prefix,
            ["Dunning:Creditor:Name"] = "Configured Creditor",
            ["Dunning:Creditor:Locales:zh-CN:Name"] = "配置的债权人",
            ["Dunning:Channels:VisitReportWithin"] = "1.00:00:00",
            ["Dunning:Legal:WebhookUrl"] = "http://127.0.0.1:9/legal",
            ["Dunning:Legal:WebhookSecret"] = "s",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(PolicyCatalog.Default);
        services.AddSingleton<ICaseCommands, RecordingCaseCommands>();
        services.AddSingleton<ICaseRecords, InMemoryCaseRecords>();
        services.AddDunningChannels(configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var handlers = provider.GetServices<IEffectHandler>().ToList();
        var facts = Samples.AmericanFacts();
        CaseEffect[] effects =
        [
            new SendSms("k1", "s", "+1", facts, null), new SendEmail("k1", "s", "a@b.c", facts, null),
            new CreateCallTask("k1", "s", "+1", ChannelHarness.Start, facts), new ScheduleVisit("k1", "s", "a", Samples.Due, ChannelHarness.Start, facts),
            Samples.Notice(facts), Samples.Report(facts), new HandOffToLegal("legal-handoff", Samples.Claim("USD"), facts), new CancelOpenWork("closed"),
        ];
        foreach (var effect in effects)
        {
            var handler = Assert.Single(handlers, h => h.CanHandle(effect));
            Assert.StartsWith("Dunning.Channels.Handlers.", handler.GetType().FullName, StringComparison.Ordinal);
        }

        Assert.Equal("Configured Creditor", provider.GetRequiredService<CreditorOptions>().For("en-US").Name);
        Assert.Equal("配置的债权人", provider.GetRequiredService<CreditorOptions>().For("zh-CN").Name);
        Assert.Equal(TimeSpan.FromDays(1), provider.GetRequiredService<ChannelOptions>().VisitReportWithin);
        Assert.True(provider.GetRequiredService<LegalNotifier>().IsConfigured);

        var hosted = provider.GetServices<IHostedService>().ToList();
        Assert.Contains(hosted, s => s is VisitReportMonitor);
        await hosted.OfType<ChannelStorageInitializer>().Single().StartAsync(CancellationToken.None);
        var storage = provider.GetRequiredService<ChannelStorage>();
        Assert.True(await storage.Documents.ExistsAsync());
        Assert.True(await storage.Print.ExistsAsync());
        Assert.Empty(await provider.GetRequiredService<WorkStore>().ListAsync(WorkItemKind.Visit));
    }
}
