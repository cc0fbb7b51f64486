using DurableTask.Core.Exceptions;
using Dunning.Domain;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dunning.Workflow;

/// <summary>Starts and wakes case workflows through the host's <see cref="DurableTaskClient"/> (instance id = case id). A start
/// never replaces a workflow that is pending or running; a case whose workflow has ended (closed, with legal) is
/// started again from its stored snapshot when a command arrives, since an event raised to an ended instance is
/// dropped.</summary>
public sealed class CaseWorkflowClient(IDurableClientAccessor clients, VirtualClock clock, WorkflowOptions options, ILogger<CaseWorkflowClient> logger)
{
    /// <summary>Starts a new case's workflow with its open command; a workflow already running for it is left alone.</summary>
    public Task OpenAsync(OpenCase open, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        return StartAsync(new CaseRun(open.CaseId, clock.Timeline, Open: open, ActivitiesPerGeneration: options.ActivitiesPerGeneration), "open", cancellationToken);
    }

    /// <summary>Tells a case's workflow a command is waiting: a doorbell if it runs, a start from the stored snapshot if
    /// it has ended (or never ran here).</summary>
    public async Task RingAsync(string caseId, string commandId, CancellationToken cancellationToken = default)
    {
        var client = clients.Client;
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null || instance.IsCompleted)
        {
            await StartAsync(new CaseRun(caseId, clock.Timeline, ActivitiesPerGeneration: options.ActivitiesPerGeneration), $"command {commandId}", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        await client.RaiseEventAsync(caseId, Doorbell.EventName, new Doorbell(commandId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The workflow's state in the task hub, for operations and tests.</summary>
    public Task<OrchestrationMetadata?> DescribeAsync(string caseId, CancellationToken cancellationToken = default) =>
        clients.Client.GetInstanceAsync(caseId, getInputsAndOutputs: true, cancellationToken);

    private async Task StartAsync(CaseRun run, string why, CancellationToken cancellationToken)
    {
        var start = new StartOrchestrationOptions(run.CaseId).WithDedupeStatuses(
            OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended);
        try
        {
            await clients.Client.ScheduleNewOrchestrationInstanceAsync(CaseWorkflow.Orchestrator, run, start, cancellationToken).ConfigureAwait(false);
            WorkflowLog.Started(logger, run.CaseId, why);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Another start won (a second host, a repeated open): the workflow runs, and its drain takes the commands.
        }
    }
}
