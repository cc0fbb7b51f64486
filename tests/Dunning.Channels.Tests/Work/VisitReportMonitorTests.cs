using Dunning.Channels.Hosting;
using Dunning.Channels.Work;
using Dunning.Domain;
using Dunning.Workflow.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dunning.Channels.Tests;

/// <summary>A visit not reported within the allowance after its scheduled day raises one supervisor alert.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class VisitReportMonitorTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Given_an_unreported_visit_When_the_allowance_passes_Then_one_alert_is_raised_and_never_again()
    {
        var h = await ChannelHarness.CreateAsync(azurite, new ChannelOptions { VisitReportWithin = TimeSpan.FromDays(2) });
        // Scheduled for 2026-12-04 in Shanghai: the day ends 2026-12-04T16:00Z, the allowance 2026-12-06T16:00Z.
        await h.Work.CreateAsync(FieldWorkTests.Item("c40", "k1", WorkItemKind.Visit));
        await h.Work.CreateAsync(FieldWorkTests.Item("c41", "k1", WorkItemKind.Visit) with { Status = WorkItemStatus.Completed, Outcome = "Met" });
        await h.Work.CreateAsync(FieldWorkTests.Item("c42", "k1", WorkItemKind.Visit, new DateOnly(2026, 12, 5)));
        var monitor = new VisitReportMonitor(h.Work, h.Commands, h.Clock, h.Channel, NullLogger<VisitReportMonitor>.Instance);

        h.Clock.Advance(new DateTimeOffset(2026, 12, 6, 15, 59, 0, TimeSpan.Zero) - h.Clock.GetUtcNow());
        var early = await monitor.CheckAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(2));
        var due = await monitor.CheckAsync();
        var again = await monitor.CheckAsync();

        Assert.Equal((0, 1, 0), (early, due, again));
        var (messageId, command) = Assert.Single(h.CommandsFor("c40"));
        var alert = Assert.IsType<RaiseAlert>(command);
        Assert.Equal(("visit-alert-c40-k1", "visit c40-k1"), (messageId, alert.Subject));
        Assert.Contains("2026-12-04", alert.Why);
        Assert.NotNull((await h.Work.GetAsync(WorkItemKind.Visit, "c40-k1"))!.AlertRaisedAt);
        Assert.Empty(h.CommandsFor("c41"));
        Assert.Empty(h.CommandsFor("c42"));
    }

    [Fact]
    public async Task The_report_deadline_is_the_end_of_the_local_day_plus_the_allowance()
    {
        var h = await ChannelHarness.CreateAsync(azurite, new ChannelOptions { VisitReportWithin = TimeSpan.FromHours(12) });
        var monitor = new VisitReportMonitor(h.Work, h.Commands, h.Clock, h.Channel, NullLogger<VisitReportMonitor>.Instance);

        var dueBy = monitor.ReportDueBy(FieldWorkTests.Item("c43", "k1", WorkItemKind.Visit) with { TimeZone = "America/New_York" });

        Assert.Equal(new DateTimeOffset(2026, 12, 5, 17, 0, 0, TimeSpan.Zero), dueBy);
    }
}
