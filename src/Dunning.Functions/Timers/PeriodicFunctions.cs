using Dunning.Channels.Work;
using Dunning.Endpoints.Campaigns;
using Dunning.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dunning.Functions;

/// <summary>What the local host runs in the background, as timer triggers (the Functions host runs each on one instance
/// at a time): the command sweep, the purge of ended workflows, campaign starts and the unreported-visit monitor. Each
/// hands its bound Durable client to the workflow client for the pass.</summary>
public sealed class PeriodicFunctions(CommandSweep sweep, EndedWorkflows ended, CampaignStarts campaigns, VisitReportMonitor visits)
{
    /// <summary>Every 10 s: commands recorded but left unapplied are rung again (see <see cref="CommandSweep"/>).</summary>
    public const string SweepSchedule = "*/10 * * * * *";

    /// <summary>Every minute: the Durable history of workflows that ended is purged (see <see cref="EndedWorkflows"/>).</summary>
    public const string PurgeSchedule = "30 * * * * *";

    /// <summary>Every 5 s: stored campaigns start their opens, paced by their token bucket.</summary>
    public const string CampaignSchedule = "*/5 * * * * *";

    /// <summary>Every minute: visits not reported in time raise a supervisor alert.</summary>
    public const string VisitSchedule = "0 * * * * *";

    [Function(nameof(SweepCommands))]
    public async Task SweepCommands([TimerTrigger(SweepSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var client = InvocationDurableClient.Use(durable);
        await sweep.SweepAsync(cancellationToken);
    }

    [Function(nameof(PurgeEndedWorkflows))]
    public async Task PurgeEndedWorkflows([TimerTrigger(PurgeSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var client = InvocationDurableClient.Use(durable);
        await ended.PurgeAsync(cancellationToken);
    }

    [Function(nameof(StartCampaigns))]
    public async Task StartCampaigns([TimerTrigger(CampaignSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var client = InvocationDurableClient.Use(durable);
        await campaigns.SweepAsync(cancellationToken);
    }

    [Function(nameof(MonitorVisitReports))]
    public async Task MonitorVisitReports([TimerTrigger(VisitSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var client = InvocationDurableClient.Use(durable);
        await visits.CheckAsync(cancellationToken);
    }
}
