using System.Diagnostics;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>The command log (ARCHITECTURE section 4): every command from outside a case's workflow is first recorded
/// here, in the case's own partition of <c>Cases</c> (row <c>c{commandId}</c>, added once: the id is the business key),
/// before it is raised and before the caller is answered; the commit that applies it marks it applied in the same
/// transaction. A row in <c>PendingCommands</c>, written first and removed once the command is applied, lets the sweep
/// find what is still unapplied without reading every case.</summary>
public sealed class CommandLog(CaseTables tables, TimeProvider clock, WorkflowMetrics? metrics = null)
{
    public const string AppliedColumn = "Applied";
    private const string PendingETagColumn = "PendingETag";

    /// <summary>The W3C traceparent of the span that recorded the command.</summary>
    private const string TraceColumn = "TraceParent";

    /// <summary>Records a command. Returns whether it was recorded now or before, and if before, whether applied.</summary>
    public async Task<(bool Repeated, bool Applied)> RecordAsync(string caseId, string commandId, CaseCommand command,
        CancellationToken cancellationToken = default)
    {
        var rowKey = CaseRows.Command(commandId);
        var recordedAt = clock.GetUtcNow();
        // The pending row goes first: should the command row then fail, the sweep finds a pending row without a command
        // and drops it, whereas the other order could leave a command no sweep would ever look at.
        var pending = await AddOnceAsync(tables.PendingCommands, new TableEntity(caseId, rowKey) { ["CommandId"] = commandId }, cancellationToken)
            .ConfigureAwait(false);
        var added = await AddOnceAsync(tables.Cases, new TableEntity(caseId, rowKey)
        {
            ["CommandId"] = commandId,
            ["Type"] = command.Type,
            ["Json"] = JsonSerializer.Serialize(command, DomainJson.Options),
            ["RecordedAt"] = recordedAt,
            [AppliedColumn] = false,
            [PendingETagColumn] = pending?.ToString(),
            [TraceColumn] = Activity.Current?.Id,
        }, cancellationToken).ConfigureAwait(false) is not null;
        if (added)
        {
            metrics?.Recorded(command);
            return (false, false);
        }

        var applied = await IsAppliedAsync(caseId, commandId, cancellationToken).ConfigureAwait(false) ?? false;
        if (applied)
        {
            await ClearPendingAsync(caseId, commandId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return (true, applied);
    }

    /// <summary>The case's commands not applied yet, in the order they were recorded.</summary>
    public async Task<IReadOnlyList<RecordedCommand>> ReadUnappliedAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {"c"} and RowKey lt {"d"} and Applied eq {false}");
        var commands = new List<RecordedCommand>();
        await foreach (var row in tables.Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var command = JsonSerializer.Deserialize<CaseCommand>(row.GetString("Json"), DomainJson.Options)!;
            commands.Add(new RecordedCommand(row.GetString("CommandId"), command, row.GetDateTimeOffset("RecordedAt") ?? default, row.ETag.ToString(),
                row.GetString(PendingETagColumn), row.GetString(TraceColumn)));
        }

        return commands.OrderBy(c => c.RecordedAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether a recorded command was applied; null when it was never recorded.</summary>
    public async Task<bool?> IsAppliedAsync(string caseId, string commandId, CancellationToken cancellationToken = default)
    {
        var row = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.Command(commandId), [AppliedColumn], cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue && row.Value is { } e ? e.GetBoolean(AppliedColumn) ?? false : null;
    }

    /// <summary>Forgets a command's pending row once it is applied (or was never recorded): deleted under the ETag it was
    /// written with when known, else read first and deleted under the ETag read. A row already gone is fine.</summary>
    public async Task ClearPendingAsync(string caseId, string commandId, string? pendingETag = null, CancellationToken cancellationToken = default)
    {
        var rowKey = CaseRows.Command(commandId);
        var etag = pendingETag is { } known ? new ETag(known) : default;
        if (pendingETag is null)
        {
            var row = await tables.PendingCommands.GetEntityIfExistsAsync<TableEntity>(caseId, rowKey, ["RowKey"], cancellationToken).ConfigureAwait(false);
            if (!row.HasValue || row.Value is not { } pending)
            {
                return;
            }

            etag = pending.ETag;
        }

        try
        {
            await tables.PendingCommands.DeleteEntityAsync(caseId, rowKey, etag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }

    /// <summary>Pending rows written before <paramref name="olderThan"/> (the table's own timestamp, set by storage):
    /// the commands a sweep should look at.</summary>
    public async Task<IReadOnlyList<(string CaseId, string CommandId)>> ListPendingAsync(DateTimeOffset olderThan, int max,
        CancellationToken cancellationToken = default)
    {
        var pending = new List<(string, string)>();
        var filter = TableClient.CreateQueryFilter($"Timestamp lt {olderThan}");
        await foreach (var row in tables.PendingCommands.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000),
            select: ["PartitionKey", "RowKey", "CommandId"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            pending.Add((row.PartitionKey, row.GetString("CommandId")));
            if (pending.Count >= max)
            {
                break;
            }
        }

        return pending;
    }

    /// <summary>Adds a row unless it exists; the new row's ETag, or null when it was there already.</summary>
    private static async Task<ETag?> AddOnceAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }
}
