using Dunning.Domain;
using Microsoft.DurableTask;

namespace Dunning.Workflow;

/// <summary>Commits a decision (<see cref="CaseStore.CommitAsync"/>), then brings the read models up to it (index row,
/// payments, campaign) and forgets the settled commands' pending rows. Everything after the transaction is idempotent,
/// so a repeat of this activity (a crash after the transaction) finishes what the first one left.</summary>
public sealed class CommitDecision(CaseStore store, ReadModelStore readModels, CommandLog log, PolicyCatalog policies)
    : TaskActivity<CommitRequest, CommitResult>
{
    public override async Task<CommitResult> RunAsync(TaskActivityContext context, CommitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await store.CommitAsync(request).ConfigureAwait(false);
        if (result.Outcome == CommitOutcome.Committed && request.WritesState)
        {
            var policy = policies.Find(request.State.PolicyId, request.State.PolicyVersion)
                ?? throw new InvalidOperationException($"Case {request.CaseId} pins policy {request.State.PolicyId} v{request.State.PolicyVersion}, which this service does not know.");
            await readModels.ApplyAsync(Projections.For(request.PreviousStatus, request.State, request.Events, request.Flag, policy, request.DecidedAt))
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
}
