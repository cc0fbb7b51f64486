using Azure;
using Azure.Data.Tables;
using Dunning.Domain;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dunning.Workflow;

/// <summary>Keeps the Durable task hub small: a case whose end (closed, with legal) is committed is marked here by its
/// commit, and once its workflow has ended, its Durable history, instance row and large-message blobs are purged; the
/// case tables keep the case's own history. A later command starts the workflow again from the stored snapshot, as for
/// any ended workflow. A case is purged only when its workflow has completed, no command waits for it, and it is still
/// ended as stored: a command recorded for it first is in <c>PendingCommands</c> before its workflow is rung.</summary>
public sealed class EndedWorkflows(CaseTables tables, CaseStore store, IDurableClientAccessor clients, WorkflowOptions options, VirtualClock clock,
    ILogger<EndedWorkflows> logger)
{
    private const string RowKey = "ended";

    /// <summary>Marks a case whose committed state has ended (idempotent: a repeat keeps one row).</summary>
    public Task MarkAsync(string caseId, CancellationToken cancellationToken = default) =>
        tables.EndedWorkflows.UpsertEntityAsync(new TableEntity(caseId, RowKey), TableUpdateMode.Replace, cancellationToken);

    /// <summary>One pass over the cases marked at least <see cref="WorkflowOptions.PurgeAfter"/> ago; returns how many
    /// workflows it purged.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        // Real time: the delay covers the workflow's last effects, not business time.
        var cutoff = clock.Real.GetUtcNow() - options.PurgeAfter;
        var purged = 0;
        var filter = TableClient.CreateQueryFilter($"Timestamp lt {cutoff}");
        await foreach (var row in tables.EndedWorkflows.QueryAsync<TableEntity>(filter, maxPerPage: 100, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            switch (await TryPurgeAsync(row.PartitionKey, cancellationToken).ConfigureAwait(false))
            {
                case Retired.Purged:
                    purged++;
                    goto case Retired.Gone;
                case Retired.Gone:
                    await ForgetAsync(row, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        return purged;
    }

    private async Task<Retired> TryPurgeAsync(string caseId, CancellationToken cancellationToken)
    {
        var client = clients.Client;
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return Retired.Gone;
        }

        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Completed || await HasPendingCommandAsync(caseId, cancellationToken).ConfigureAwait(false)
            || await store.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is not { State.IsOpen: false })
        {
            // Still running its last effects, restarted by a command, or failed (for a person to look at): not now.
            return instance.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated ? Retired.Gone : Retired.NotYet;
        }

        await client.PurgeInstanceAsync(caseId, cancellation: cancellationToken).ConfigureAwait(false);
        RetirementLog.Purged(logger, caseId);
        return Retired.Purged;
    }

    private async Task<bool> HasPendingCommandAsync(string caseId, CancellationToken cancellationToken)
    {
        await foreach (var _ in tables.PendingCommands.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), maxPerPage: 1, select: ["RowKey"],
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }

    private async Task ForgetAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            // Under the ETag read: a case marked again meanwhile (ended again after a restart) keeps its row.
            await tables.EndedWorkflows.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }

    private enum Retired
    {
        NotYet,
        Purged,
        Gone,
    }
}

/// <summary>Log messages of the purge of ended workflows.</summary>
internal static partial class RetirementLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Case {CaseId}: the ended workflow's Durable history was purged")]
    public static partial void Purged(ILogger logger, string caseId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Purging ended workflows failed; the next pass tries again")]
    public static partial void PassFailed(ILogger logger, Exception exception);
}
