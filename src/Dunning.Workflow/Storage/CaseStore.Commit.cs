using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dunning.Domain;

namespace Dunning.Workflow;

public sealed partial class CaseStore
{
    private const int MaxTransactionRows = 100;

    /// <summary>Writes a decision in one entity-group transaction: the state row (replaced under the ETag the workflow
    /// holds, or added for a new case), the history rows (added: a number is never written twice) and the command row
    /// marked applied (merged under the ETag it was read with). Safe to repeat: when the transaction fails, the case as
    /// stored says whether this very decision is already there (a retried activity), the command was settled by an
    /// earlier commit, or the case moved on without it (a conflict the workflow resolves by deciding again).</summary>
    public async Task<CommitResult> CommitAsync(CommitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actions = Actions(request);
        if (actions.Count == 0)
        {
            return CommitResult.Committed(request.ETag, request.DecidedAt);
        }

        try
        {
            var response = await _cases.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            metrics?.Committed(request.Events, request.Commands.Count);
            // The state row's answer: first, or second after the legacy row's deletion.
            var state = MovesLegacyRow(request) ? 1 : 0;
            return CommitResult.Committed(request.WritesState ? response.Value[state].Headers.ETag?.ToString() : request.ETag, request.DecidedAt);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return await ExplainFailureAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<TableTransactionAction> Actions(CommitRequest request)
    {
        var rows = (request.WritesState ? 1 : 0) + (MovesLegacyRow(request) ? 1 : 0) + request.Events.Count + request.Commands.Count;
        if (rows > MaxTransactionRows)
        {
            throw new InvalidOperationException($"A decision for case {request.CaseId} needs {rows} rows; one transaction holds {MaxTransactionRows}.");
        }

        var actions = new List<TableTransactionAction>(rows);
        if (request.WritesState)
        {
            var state = StateEntity(request.CaseId, request.State, request.EffectSeq, request.Flag, request.DecidedAt);
            if (MovesLegacyRow(request))
            {
                // The legacy row goes under the ETag the workflow read it with (the same version guard), the case's own
                // row comes in its place, in the same transaction.
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(request.CaseId, CaseRows.LegacyState), new ETag(request.ETag!)));
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, state));
            }
            else
            {
                actions.Add(request.ETag is { } etag
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, state, new ETag(etag))
                    : new TableTransactionAction(TableTransactionActionType.Add, state));
            }
        }

        for (var i = 0; i < request.Events.Count; i++)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, HistoryEntity(request.CaseId, request.BaseVersion + i + 1, request.Events[i], request.State.Version)));
        }

        foreach (var command in request.Commands)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(request.CaseId, CaseRows.Command(command.Id))
            {
                [CommandLog.AppliedColumn] = true,
                ["AppliedAt"] = request.DecidedAt,
                ["AppliedVersion"] = request.State.Version,
                ["Failure"] = command.Failure,
            }, new ETag(command.ETag)));
        }

        return actions;
    }

    private static bool MovesLegacyRow(CommitRequest request) => request is { WritesState: true, StateInLegacyRow: true, ETag: not null };

    private async Task<CommitResult> ExplainFailureAsync(CommitRequest request, CancellationToken cancellationToken)
    {
        var current = await GetAsync(request.CaseId, cancellationToken).ConfigureAwait(false);
        if (current is not null && SameState(current, request))
        {
            return CommitResult.Committed(current.ETag, request.DecidedAt);
        }

        // The commands of one commit are settled together, so one of them applied means all were.
        if (request.Commands.Count > 0)
        {
            var row = await _cases.GetEntityIfExistsAsync<TableEntity>(request.CaseId, CaseRows.Command(request.Commands[0].Id), [CommandLog.AppliedColumn],
                cancellationToken).ConfigureAwait(false);
            if (!row.HasValue || row.Value?.GetBoolean(CommandLog.AppliedColumn) == true)
            {
                return new CommitResult(CommitOutcome.AlreadyApplied, current?.ETag, current,
                    current is null ? [] : await ReadDecisionsSinceAsync(request.CaseId, request.BaseVersion, cancellationToken).ConfigureAwait(false));
            }
        }

        return current is null
            ? throw new InvalidOperationException($"The commit of case {request.CaseId} failed and the case is not stored.")
            : new CommitResult(CommitOutcome.Conflict, current.ETag, current,
                await ReadDecisionsSinceAsync(request.CaseId, request.BaseVersion, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Whether the stored case is exactly what this request writes (compared as JSON: the domain's lists
    /// compare by reference).</summary>
    private static bool SameState(CaseSnapshot current, CommitRequest request) =>
        current.EffectSeq == request.EffectSeq && current.Flag == request.Flag
        && JsonSerializer.Serialize(current.State, DomainJson.Options) == JsonSerializer.Serialize(request.State, DomainJson.Options);
}
