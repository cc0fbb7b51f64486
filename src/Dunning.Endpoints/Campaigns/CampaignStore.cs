using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Dunning.Workflow;

namespace Dunning.Endpoints.Campaigns;

/// <summary>Campaigns in the Campaigns table, one partition each: a "meta" row, "r{line}" rows (the OpenCase commands)
/// and "e{line}" rows (rejected lines). The commits' own "c{caseId}" rows there count cases opened; the keys here
/// never start with "c". Unfinished campaigns are listed in the "pending" partition so a restarted worker resumes them.</summary>
public sealed class CampaignStore(CaseTables tables)
{
    private const string Meta = "meta";
    private const string PendingPartition = "pending";
    private const int BatchSize = 100;
    private readonly TableClient _table = tables.Campaigns;

    /// <summary>Stores a campaign whole before anyone is told it was accepted: rows and errors first (transactions of
    /// 100), then the summary, then the pending marker that hands it to the worker.</summary>
    public async Task SaveAsync(string campaignId, string source, IReadOnlyList<StoredRow> rows, IReadOnlyList<CampaignError> errors,
        DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        var entities = rows.Select(r => new TableEntity(campaignId, RowKey('r', r.Line))
            {
                ["CaseId"] = r.CaseId,
                ["Json"] = r.CommandJson,
                ["Outcome"] = r.Outcome,
            })
            .Concat(errors.Select(e => new TableEntity(campaignId, RowKey('e', e.Line)) { ["Detail"] = e.Detail }));
        foreach (var chunk in entities.Chunk(BatchSize))
        {
            await _table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
        }

        await _table.AddEntityAsync(new TableEntity(campaignId, Meta)
        {
            ["Total"] = rows.Count + errors.Count,
            ["Failed"] = errors.Count,
            ["Duplicates"] = rows.Count(r => r.Outcome == StoredRow.Duplicate),
            ["Enqueued"] = false,
            ["Done"] = false,
            ["CreatedAt"] = createdAt,
            ["Source"] = source,
        }, cancellationToken);
        await _table.AddEntityAsync(new TableEntity(PendingPartition, campaignId), cancellationToken);
    }

    public async Task<CampaignMeta?> GetAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(campaignId, Meta, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } e)
        {
            return null;
        }

        return new CampaignMeta(campaignId, e.GetInt32("Total") ?? 0, e.GetInt32("Failed") ?? 0, e.GetInt32("Duplicates") ?? 0,
            e.GetBoolean("Enqueued") ?? false, e.GetBoolean("Done") ?? false, e.GetDateTimeOffset("CreatedAt") ?? default,
            e.GetString("Source") ?? "", e.ETag);
    }

    public async Task<IReadOnlyList<CampaignError>> ListErrorsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var errors = new List<CampaignError>();
        await foreach (var e in Range(campaignId, 'e', ["RowKey", "Detail"], cancellationToken))
        {
            errors.Add(new CampaignError(LineOf(e.RowKey), e.GetString("Detail") ?? ""));
        }

        return errors;
    }

    public async Task<IReadOnlyList<StoredRow>> ListRowsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var rows = new List<StoredRow>();
        await foreach (var e in Range(campaignId, 'r', null, cancellationToken))
        {
            rows.Add(new StoredRow(LineOf(e.RowKey), e.GetString("CaseId") ?? "", e.GetString("Json") ?? "", e.GetString("Outcome") ?? "", e.ETag));
        }

        return rows;
    }

    /// <summary>Records what became of rows, each with the ETag it was read with (another worker's change wins: 412).</summary>
    public async Task SetOutcomesAsync(string campaignId, IReadOnlyList<StoredRow> rows, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in rows.Chunk(BatchSize))
        {
            await _table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                new TableEntity(campaignId, RowKey('r', r.Line)) { ["Outcome"] = r.Outcome }, r.ETag)), cancellationToken);
        }
    }

    public async Task UpdateAsync(CampaignMeta meta, CancellationToken cancellationToken = default) =>
        await _table.UpdateEntityAsync(new TableEntity(meta.CampaignId, Meta)
        {
            ["Duplicates"] = meta.Duplicates,
            ["Enqueued"] = meta.Enqueued,
            ["Done"] = meta.Done,
        }, meta.ETag, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Campaigns not finished yet, with the ETag of their marker.</summary>
    public async Task<IReadOnlyList<(string CampaignId, ETag ETag)>> ListPendingAsync(CancellationToken cancellationToken = default)
    {
        var pending = new List<(string, ETag)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PendingPartition}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            pending.Add((e.RowKey, e.ETag));
        }

        return pending;
    }

    public async Task CompleteAsync(string campaignId, ETag marker, CancellationToken cancellationToken = default)
    {
        try
        {
            await _table.DeleteEntityAsync(PendingPartition, campaignId, marker, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Another worker finished it first.
        }
    }

    private IAsyncEnumerable<TableEntity> Range(string campaignId, char prefix, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {prefix.ToString()} and RowKey lt {((char)(prefix + 1)).ToString()}");
        return _table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken);
    }

    private static string RowKey(char prefix, int line) => prefix + line.ToString("D7", CultureInfo.InvariantCulture);

    private static int LineOf(string rowKey) => int.Parse(rowKey.AsSpan(1), CultureInfo.InvariantCulture);
}
