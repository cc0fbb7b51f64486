using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dunning.Workflow;

/// <summary>Re-delivers commands left unapplied (a doorbell the engine lost, a workflow that ended as the command
/// arrived, a host that died between recording and ringing). It reads <c>PendingCommands</c>, the short list of
/// commands not yet applied, never the cases: each entry older than <see cref="WorkflowOptions.SweepGrace"/> is checked
/// against its command row; applied (or never recorded) it is dropped, otherwise its case's workflow is rung again,
/// once per case and pass however many of its commands wait (started, if it has ended: the drain then takes them all).
/// Every host may sweep: a repeat rings twice, and a command applies once. In the background (the local host) each pass
/// also purges the Durable history of workflows that ended (<see cref="EndedWorkflows"/>); the Function App runs both
/// from timers.</summary>
public sealed class CommandSweep(CommandLog log, CaseWorkflowClient workflow, EndedWorkflows ended, WorkflowOptions options, VirtualClock clock,
    ILogger<CommandSweep> logger, WorkflowMetrics? metrics = null) : BackgroundService
{
    /// <summary>One pass; returns how many cases it rang again.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        // Real time on purpose: the grace measures how long delivery takes, not business time.
        var cutoff = clock.Real.GetUtcNow() - options.SweepGrace;
        var rung = new HashSet<string>(StringComparer.Ordinal);
        var pending = await log.ListPendingAsync(cutoff, options.SweepBatch, cancellationToken).ConfigureAwait(false);
        metrics?.Pending(pending.Count);
        foreach (var (caseId, commandId) in pending)
        {
            if (rung.Contains(caseId))
            {
                continue;
            }

            if (await log.IsAppliedAsync(caseId, commandId, cancellationToken).ConfigureAwait(false) != false)
            {
                await log.ClearPendingAsync(caseId, commandId, cancellationToken: cancellationToken).ConfigureAwait(false);
                continue;
            }

            await workflow.RingAsync(caseId, commandId, cancellationToken).ConfigureAwait(false);
            WorkflowLog.Redelivered(logger, caseId, commandId, "rung");
            rung.Add(caseId);
        }

        return rung.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, clock.Real);
        do
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                WorkflowLog.SweepFailed(logger, ex);
            }

            try
            {
                await ended.PurgeAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                RetirementLog.PassFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
