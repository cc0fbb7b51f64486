using Dunning.Domain;
using Microsoft.DurableTask;

namespace Dunning.Workflow;

/// <summary>Commits a decision (<see cref="CaseStore.CommitAsync"/>), then brings the read models up to it (index row,
/// payments, campaign) and forgets the settled commands' pending rows. Everything after the transaction is idempotent,
/// so a repeat of this activity (a crash after the transaction) finishes what the first one left, and a late one (the
/// same activity run twice) leaves the newer read models alone.</summary>
public sealed class CommitDecision(CaseStore store, ReadModelStore readModels, CommandLog log, PolicyCatalog policies, EndedWorkflows ended,
    WorkflowMetrics? metrics = null)
    : TaskActivity<CommitRequest, CommitResult>
{
    public override async Task<CommitResult> RunAsync(TaskActivityContext context, CommitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var span = WorkflowTelemetry.StartCaseWork(nameof(CommitDecision), request.CaseId, request.TraceParent);
        var result = await store.CommitAsync(request).ConfigureAwait(false);
        span?.SetTag("dunning.commit", result.Outcome.ToString());
        if (result.Outcome == CommitOutcome.Conflict)
        {
            metrics?.Conflicted();
        }

        if (result.Outcome == CommitOutcome.Committed && request.WritesState)
        {
            await ProjectAsync(request.PreviousStatus, request.State, request.Events, request.Flag, request.DecidedAt).ConfigureAwait(false);
            if (!request.State.IsOpen)
            {
                // Its workflow ends once its last effects are done; its Durable history is purged after that.
                await ended.MarkAsync(request.CaseId).ConfigureAwait(false);
            }
        }
        else if (result is { Current: { } current, Missed: { Count: > 0 } missed })
        {
            // Decisions a lost execution committed and may never have projected: the index catches up to the case as
            // stored, with their payments (a projection that did land is newer or the same, and stays).
            await ProjectAsync(request.PreviousStatus, current.State, missed.SelectMany(events => events).ToList(), current.Flag, request.DecidedAt)
                .ConfigureAwait(false);
        }

        if (result.Outcome != CommitOutcome.Conflict)
        {
            foreach (var command in request.Commands)
            {
                await log.ClearPendingAsync(request.CaseId, command.Id, command.PendingETag).ConfigureAwait(false);
            }
        }

        return result;
    }

    private Task ProjectAsync(CaseStatus? previousStatus, CaseState state, IReadOnlyList<CaseEvent> events, string? flag, DateTimeOffset decidedAt)
    {
        var policy = policies.Find(state.PolicyId, state.PolicyVersion)
            ?? throw new InvalidOperationException($"Case {state.CaseId} pins policy {state.PolicyId} v{state.PolicyVersion}, which this service does not know.");
        return readModels.ApplyAsync(Projections.For(previousStatus, state, events, flag, policy, decidedAt));
    }
}
