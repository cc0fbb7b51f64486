using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dunning.Domain;

namespace Dunning.Runtime;

/// <summary>The case partition on Azure Tables: one query loads it, one entity-group transaction commits a decision.
/// Every write is conditional (ETag or insert), so two workers can never both win.</summary>
public sealed class CaseStore(StorageClients storage)
{
    // A table string property holds 64 KiB (32K UTF-16 chars); larger snapshots are split over several properties.
    private const int ChunkChars = 30_000;
    private readonly TableClient _cases = storage.Cases;

    // Only FlagAsync uses it: list pages show the flag from the index row (a field, since the primary-constructor
    // parameter already initialises _cases and may not also be captured).
    private readonly ReadModelStore _index = new(storage);

    public async Task<LoadedCase> LoadAsync(string caseId, string? messageId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and (RowKey eq {RowKeys.State} or (RowKey ge {"o"} and RowKey lt {"p"})")
            + (messageId is null ? ")" : TableClient.CreateQueryFilter($" or RowKey eq {RowKeys.Marker(messageId)})"));
        CaseState? state = null;
        ETag? etag = null;
        long historySeq = 0, outboxSeq = 0;
        var flagged = false;
        var marker = false;
        var outbox = new List<OutboxRow>();
        await foreach (var entity in _cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            switch (entity.RowKey[0])
            {
                case 's':
                    state = ReadState(entity);
                    etag = entity.ETag;
                    historySeq = entity.GetInt64("HistorySeq") ?? 0;
                    outboxSeq = entity.GetInt64("OutboxSeq") ?? 0;
                    flagged = entity.GetBoolean("Flagged") ?? false;
                    break;
                case 'o':
                    outbox.Add(new OutboxRow(RowKeys.SeqOf(entity.RowKey), entity.GetString("Kind"), entity.GetString("Json"), entity.ETag));
                    break;
                case 'm':
                    marker = true;
                    break;
            }
        }

        return new LoadedCase(caseId, state, etag, historySeq, outboxSeq, outbox.OrderBy(o => o.Seq).ToList(), marker, flagged);
    }

    /// <summary>Commits new state, history, outbox rows and the message marker in one transaction, deleting in it the
    /// <paramref name="settled"/> outbox rows (carried out already). Returns the outbox to dispatch, or null when another
    /// worker changed the case first (412), the message was already applied (409) or a settled row is already gone (404):
    /// either way the caller reloads.</summary>
    public async Task<IReadOnlyList<OutboxRow>?> CommitAsync(
        LoadedCase loaded,
        CaseState state,
        IReadOnlyList<CaseEvent> events,
        IReadOnlyList<(string Kind, string Json)> outbox,
        IReadOnlyList<OutboxRow> settled,
        string messageId,
        DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        if (events.Count + outbox.Count + settled.Count + 2 > 100)
        {
            throw new InvalidOperationException(
                $"A decision for case {loaded.CaseId} needs {events.Count + outbox.Count + settled.Count + 2} rows; one transaction holds 100.");
        }

        var stateEntity = StateEntity(loaded.CaseId, state, loaded.HistorySeq + events.Count, loaded.OutboxSeq + outbox.Count, loaded.Flagged);
        var actions = new List<TableTransactionAction>
        {
            loaded.ETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, stateEntity, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, stateEntity),
        };
        for (var i = 0; i < events.Count; i++)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, HistoryEntity(loaded.CaseId, loaded.HistorySeq + i + 1, events[i])));
        }

        for (var i = 0; i < outbox.Count; i++)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(loaded.CaseId, RowKeys.Outbox(loaded.OutboxSeq + i + 1))
            {
                ["Kind"] = outbox[i].Kind,
                ["Json"] = outbox[i].Json,
            }));
        }

        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(loaded.CaseId, RowKeys.Marker(messageId))
        {
            ["MessageId"] = messageId,
            ["At"] = now,
        }));
        actions.AddRange(settled.Select(r => new TableTransactionAction(TableTransactionActionType.Delete,
            new TableEntity(loaded.CaseId, RowKeys.Outbox(r.Seq)), r.ETag == default ? ETag.All : r.ETag)));

        try
        {
            var response = await _cases.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            var rows = loaded.Outbox.Where(r => !settled.Contains(r)).ToList();
            for (var i = 0; i < outbox.Count; i++)
            {
                var sub = response.Value[1 + events.Count + i];
                rows.Add(new OutboxRow(loaded.OutboxSeq + i + 1, outbox[i].Kind, outbox[i].Json, sub.Headers.ETag ?? default));
            }

            return rows;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 || ex.Status == 404 && settled.Count > 0)
        {
            return null;
        }
    }

    /// <summary>Removes dispatched outbox rows in as few transactions as possible (one for up to 100 rows).</summary>
    public async Task DeleteOutboxAsync(string caseId, IReadOnlyList<OutboxRow> rows, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in rows.Chunk(100))
        {
            var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete,
                new TableEntity(caseId, RowKeys.Outbox(r.Seq)), r.ETag == default ? ETag.All : r.ETag)).ToList();
            try
            {
                await _cases.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // Another worker dispatched and deleted some of them already; delete the rest one by one.
                foreach (var row in chunk)
                {
                    await _cases.DeleteEntityAsync(caseId, RowKeys.Outbox(row.Seq), row.ETag == default ? ETag.All : row.ETag, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Marks a case for an operator: one of its messages kept failing and went to the poison queue. The flag
    /// goes on the state row (GET) and then on the case's index row (list pages), found by the status the state row
    /// holds.</summary>
    public async Task FlagAsync(string caseId, string reason, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var loaded = await LoadAsync(caseId, null, cancellationToken).ConfigureAwait(false);
            if (loaded.ETag is not { } etag || loaded.State is not { } state)
            {
                return;
            }

            var patch = new TableEntity(caseId, RowKeys.State) { ["Flagged"] = true, ["FlagReason"] = reason };
            try
            {
                await _cases.UpdateEntityAsync(patch, etag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                continue;
            }

            await _index.FlagAsync(caseId, state.Status.ToString(), reason, cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    public async Task<IReadOnlyList<HistoryRecord>> ReadHistoryAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {"h"} and RowKey lt {"i"}");
        var history = new List<HistoryRecord>();
        await foreach (var entity in _cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var @event = JsonSerializer.Deserialize<CaseEvent>(entity.GetString("Json"), DomainJson.Options)!;
            history.Add(new HistoryRecord(RowKeys.SeqOf(entity.RowKey), @event));
        }

        return history;
    }

    public async Task<StoredCase?> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var response = await _cases.GetEntityIfExistsAsync<TableEntity>(caseId, RowKeys.State, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity
            ? new StoredCase(ReadState(entity), entity.GetBoolean("Flagged") ?? false, entity.GetString("FlagReason"))
            : null;
    }

    private static CaseState ReadState(TableEntity entity)
    {
        var chunks = entity.GetInt32("JsonChunks") ?? 1;
        var json = chunks == 1
            ? entity.GetString("Json")
            : string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(i == 0 ? "Json" : $"Json{i}")));
        return JsonSerializer.Deserialize<CaseState>(json, DomainJson.Options)!;
    }

    private static TableEntity StateEntity(string caseId, CaseState state, long historySeq, long outboxSeq, bool flagged)
    {
        var json = JsonSerializer.Serialize(state, DomainJson.Options);
        var entity = new TableEntity(caseId, RowKeys.State)
        {
            ["Version"] = state.Version,
            ["Status"] = state.Status.ToString(),
            ["Stage"] = state.Stage,
            ["PolicyId"] = state.PolicyId,
            ["PolicyVersion"] = state.PolicyVersion,
            ["HistorySeq"] = historySeq,
            ["OutboxSeq"] = outboxSeq,
            ["Flagged"] = flagged,
        };
        var chunks = (json.Length + ChunkChars - 1) / ChunkChars;
        entity["JsonChunks"] = Math.Max(1, chunks);
        for (var i = 0; i < Math.Max(1, chunks); i++)
        {
            entity[i == 0 ? "Json" : $"Json{i}"] = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
        }

        return entity;
    }

    private static TableEntity HistoryEntity(string caseId, long seq, CaseEvent @event)
    {
        var entity = new TableEntity(caseId, RowKeys.History(seq))
        {
            ["Type"] = @event.Type,
            ["At"] = @event.At,
            ["Json"] = JsonSerializer.Serialize(@event, DomainJson.Options),
        };
        return entity;
    }
}

/// <summary>One history row: its sequence in the case and the event.</summary>
public sealed record HistoryRecord(long Seq, CaseEvent Event);

/// <summary>A case's snapshot as stored, with the operator flag set when a message of it went to the poison queue.</summary>
public sealed record StoredCase(CaseState State, bool Flagged, string? FlagReason);
