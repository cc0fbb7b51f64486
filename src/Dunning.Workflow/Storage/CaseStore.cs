using System.Text.Json;
using Azure.Data.Tables;
using Dunning.Channels;
using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>The case partitions of <c>Cases</c>: a point read gives a case's snapshot, a range query its history, and
/// <see cref="CommitAsync"/> writes a decision (partial file <c>CaseStore.Commit.cs</c>). Only a case's workflow commits
/// to it; everyone else reads.</summary>
public sealed partial class CaseStore(CaseTables tables, WorkflowMetrics? metrics = null) : ICaseRecords
{
    // A table string property holds 64 KiB (32K UTF-16 chars); larger snapshots are split over several properties.
    private const int ChunkChars = 30_000;
    private readonly TableClient _cases = tables.Cases;

    public async Task<CaseSnapshot?> GetAsync(string caseId, CancellationToken cancellationToken = default) =>
        await GetStateRowAsync(_cases, caseId, select: null, cancellationToken).ConfigureAwait(false) is { } entity ? ReadSnapshot(entity) : null;

    /// <summary>A case's state row (only the <paramref name="select"/>ed columns when given): under its own key, else
    /// under the key cases shared before (a case stored then and not committed since).</summary>
    internal static async Task<TableEntity?> GetStateRowAsync(TableClient cases, string caseId, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var row = await cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.State(caseId), select, cancellationToken).ConfigureAwait(false);
        if (row.HasValue && row.Value is { } current)
        {
            return current;
        }

        var legacy = await cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRows.LegacyState, select, cancellationToken).ConfigureAwait(false);
        return legacy.HasValue ? legacy.Value : null;
    }

    public async Task<CaseState?> GetStateAsync(string caseId, CancellationToken cancellationToken = default) =>
        (await GetAsync(caseId, cancellationToken).ConfigureAwait(false))?.State;

    public async Task<IReadOnlyList<HistoryRecord>> ReadHistoryAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {"h"} and RowKey lt {"i"}");
        var history = new List<HistoryRecord>();
        await foreach (var entity in _cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var @event = JsonSerializer.Deserialize<CaseEvent>(entity.GetString("Json"), DomainJson.Options)!;
            history.Add(new HistoryRecord(CaseRows.SeqOf(entity.RowKey), @event));
        }

        return history;
    }

    private static CaseSnapshot ReadSnapshot(TableEntity entity)
    {
        var chunks = entity.GetInt32("JsonChunks") ?? 1;
        var json = chunks == 1
            ? entity.GetString("Json")
            : string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(i == 0 ? "Json" : $"Json{i}")));
        var state = JsonSerializer.Deserialize<CaseState>(json, DomainJson.Options)!;
        return new CaseSnapshot(state, entity.GetInt64("EffectSeq") ?? 0, entity.GetString("Flag"), entity.ETag.ToString(), entity.GetDateTimeOffset("DecidedAt"),
            InLegacyRow: entity.RowKey == CaseRows.LegacyState);
    }

    private static TableEntity StateEntity(string caseId, CaseState state, long effectSeq, string? flag, DateTimeOffset decidedAt)
    {
        var json = JsonSerializer.Serialize(state, DomainJson.Options);
        var entity = new TableEntity(caseId, CaseRows.State(caseId))
        {
            ["Version"] = state.Version,
            ["Status"] = state.Status.ToString(),
            ["Stage"] = state.Stage,
            ["PolicyId"] = state.PolicyId,
            ["PolicyVersion"] = state.PolicyVersion,
            ["EffectSeq"] = effectSeq,
            ["Flag"] = flag,
            ["DecidedAt"] = decidedAt,
        };
        var chunks = Math.Max(1, (json.Length + ChunkChars - 1) / ChunkChars);
        entity["JsonChunks"] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            entity[i == 0 ? "Json" : $"Json{i}"] = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
        }

        return entity;
    }

    /// <summary>The decisions committed after <paramref name="version"/>, each as the events one commit wrote, in order
    /// (a history row names the version its commit reached).</summary>
    public async Task<IReadOnlyList<IReadOnlyList<CaseEvent>>> ReadDecisionsSinceAsync(string caseId, int version, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {CaseRows.HistoryFrom(version + 1)} and RowKey lt {"i"}");
        var rows = new List<(long Seq, long Commit, CaseEvent Event)>();
        await foreach (var entity in _cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var seq = CaseRows.SeqOf(entity.RowKey);
            rows.Add((seq, entity.GetInt64(CommitColumn) ?? seq, JsonSerializer.Deserialize<CaseEvent>(entity.GetString("Json"), DomainJson.Options)!));
        }

        return rows.OrderBy(r => r.Seq).GroupBy(r => r.Commit).Select(g => (IReadOnlyList<CaseEvent>)g.Select(r => r.Event).ToList()).ToList();
    }

    private const string CommitColumn = "Commit";

    private static TableEntity HistoryEntity(string caseId, long seq, CaseEvent @event, int commit) => new(caseId, CaseRows.History(seq, caseId))
    {
        [CommitColumn] = (long)commit,
        ["Type"] = @event.Type,
        ["At"] = @event.At,
        ["Json"] = JsonSerializer.Serialize(@event, DomainJson.Options),
    };
}
