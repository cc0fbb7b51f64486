using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dunning.Domain;

namespace Dunning.Runtime;

/// <summary>The query side: secondary tables kept from the outbox (never by scanning <c>Cases</c>): cases by status
/// (partition) with stage and due date to filter on, payments by payment id, unmatched payments and campaign progress.</summary>
public sealed class ReadModelStore(StorageClients storage)
{
    private const string FlaggedColumn = "Flagged";
    private const string FlagReasonColumn = "FlagReason";

    /// <summary>Writes the case's index row. Merge, not replace: the operator flag columns are set by
    /// <see cref="FlagAsync"/>, not by projections, and must survive them. When the status changed, the new row is
    /// written (with the old row's flag) before the old one goes, so the case is never missing from the index.</summary>
    public async Task ApplyAsync(CaseProjection projection, CancellationToken cancellationToken = default)
    {
        var entry = projection.Entry;
        var row = new TableEntity(entry.Status.ToString(), entry.CaseId)
        {
            ["Stage"] = entry.Stage,
            ["DueDate"] = entry.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Version"] = entry.Version,
            ["Json"] = JsonSerializer.Serialize(entry, DomainJson.Options),
        };
        var previous = projection.PreviousStatus is { } p && p != entry.Status ? p.ToString() : null;
        var old = previous is null ? null : await ReadFlagAsync(previous, entry.CaseId, cancellationToken).ConfigureAwait(false);
        if (old?.GetBoolean(FlaggedColumn) == true)
        {
            row[FlaggedColumn] = true;
            row[FlagReasonColumn] = old.GetString(FlagReasonColumn);
        }

        await storage.CaseIndex.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        if (old is not null)
        {
            await RetireAsync(previous!, entry.CaseId, old, entry.Status.ToString(), cancellationToken).ConfigureAwait(false);
        }

        foreach (var payment in projection.Payments)
        {
            await storage.Payments.UpsertEntityAsync(new TableEntity(payment.PaymentId, "")
            {
                ["CaseId"] = payment.CaseId,
                ["Json"] = JsonSerializer.Serialize(payment, DomainJson.Options),
            }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        if (projection.OpenedByCampaign is { } campaign)
        {
            await storage.Campaigns.UpsertEntityAsync(new TableEntity(campaign, "c" + entry.CaseId) { ["Opened"] = true },
                TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sets the operator flag on the case's index row, which lives in the partition of
    /// <paramref name="status"/> (the status the case's state row holds) unless a status change is being applied right
    /// now: then the row is found in another partition, and on a second round in its new one. Returns false when the
    /// case has no index row (its opening not yet projected); only GET then shows the flag.</summary>
    public async Task<bool> FlagAsync(string caseId, string status, string reason, CancellationToken cancellationToken = default)
    {
        var partitions = Enum.GetNames<CaseStatus>().Where(p => p != status).Prepend(status).ToList();
        for (var round = 0; round < 2; round++)
        {
            foreach (var partition in partitions)
            {
                try
                {
                    // Only the flag columns, merged: the row's content is the projections' to write.
                    await storage.CaseIndex.UpdateEntityAsync(new TableEntity(partition, caseId) { [FlaggedColumn] = true, [FlagReasonColumn] = reason },
                        ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                }
            }
        }

        return false;
    }

    private async Task<TableEntity?> ReadFlagAsync(string partition, string caseId, CancellationToken cancellationToken)
    {
        // A $select answer carries the ETag but not the keys: callers keep those themselves.
        var read = await storage.CaseIndex.GetEntityIfExistsAsync<TableEntity>(partition, caseId, [FlaggedColumn, FlagReasonColumn], cancellationToken)
            .ConfigureAwait(false);
        return read.HasValue ? read.Value : null;
    }

    /// <summary>Removes the case's row under <paramref name="previous"/>. The delete is conditional on the row as read,
    /// so a flag set on it since (412) is copied to the row under <paramref name="status"/> before the next try rather
    /// than lost.</summary>
    private async Task RetireAsync(string previous, string caseId, TableEntity old, string status, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                await storage.CaseIndex.DeleteEntityAsync(previous, caseId, old.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
            }

            if (await ReadFlagAsync(previous, caseId, cancellationToken).ConfigureAwait(false) is not { } again)
            {
                return;
            }

            if (again.GetBoolean(FlaggedColumn) == true)
            {
                await storage.CaseIndex.UpsertEntityAsync(new TableEntity(status, caseId)
                {
                    [FlaggedColumn] = true,
                    [FlagReasonColumn] = again.GetString(FlagReasonColumn),
                }, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }

            old = again;
        }

        throw new InvalidOperationException($"The index row of case {caseId} under {previous} kept changing; the projection will be applied again.");
    }

    /// <summary>One page of the case index. <paramref name="status"/> picks a partition; stage and due-date range are
    /// filters within it (the bucket of a day count is a due-date range as of today).</summary>
    public async Task<CasePage> ListAsync(CaseStatus? status, string? stage, DateOnly? dueFrom, DateOnly? dueTo, int pageSize,
        string? continuationToken, CancellationToken cancellationToken = default)
    {
        var filters = new List<string>();
        if (status is { } s)
        {
            filters.Add(TableClient.CreateQueryFilter($"PartitionKey eq {s.ToString()}"));
        }

        if (stage is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"Stage eq {stage}"));
        }

        if (dueFrom is { } from)
        {
            filters.Add(TableClient.CreateQueryFilter($"DueDate ge {from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));
        }

        if (dueTo is { } to)
        {
            filters.Add(TableClient.CreateQueryFilter($"DueDate le {to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));
        }

        var query = storage.CaseIndex.QueryAsync<TableEntity>(filters.Count == 0 ? null : string.Join(" and ", filters),
            maxPerPage: pageSize, select: ["Json", FlaggedColumn, FlagReasonColumn], cancellationToken: cancellationToken);
        await foreach (var page in query.AsPages(continuationToken, pageSize).ConfigureAwait(false))
        {
            var items = page.Values.Select(e => JsonSerializer.Deserialize<CaseIndexEntry>(e.GetString("Json"), DomainJson.Options)! with
            {
                Flagged = e.GetBoolean(FlaggedColumn) ?? false,
                FlagReason = e.GetString(FlagReasonColumn),
            }).ToList();
            return new CasePage(items, page.ContinuationToken);
        }

        return new CasePage([], null);
    }

    public async Task<PaymentRecord?> FindPaymentAsync(string paymentId, CancellationToken cancellationToken = default)
    {
        var row = await storage.Payments.GetEntityIfExistsAsync<TableEntity>(paymentId, "", cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } e ? JsonSerializer.Deserialize<PaymentRecord>(e.GetString("Json"), DomainJson.Options) : null;
    }

    /// <summary>Keeps a payment that matches no case; the payment id is the key, so a retried webhook stores it once.</summary>
    public async Task AddUnmatchedAsync(UnmatchedPayment payment, CancellationToken cancellationToken = default) =>
        await storage.Unmatched.UpsertEntityAsync(new TableEntity("unmatched", payment.PaymentId)
        {
            ["Json"] = JsonSerializer.Serialize(payment, DomainJson.Options),
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<UnmatchedPayment>> ListUnmatchedAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<UnmatchedPayment>();
        await foreach (var e in storage.Unmatched.QueryAsync<TableEntity>(x => x.PartitionKey == "unmatched", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(JsonSerializer.Deserialize<UnmatchedPayment>(e.GetString("Json"), DomainJson.Options)!);
        }

        return result;
    }

    /// <summary>How many cases a campaign has opened so far (rows written from the outbox as cases open).</summary>
    public async Task<int> CountCampaignOpenedAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {"c"} and RowKey lt {"d"}");
        await foreach (var _ in storage.Campaigns.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}

/// <summary>A page of cases and the token for the next one (null on the last page).</summary>
public sealed record CasePage(IReadOnlyList<CaseIndexEntry> Items, string? ContinuationToken);

/// <summary>A payment that named no known case, kept for an operator to match by hand.</summary>
public sealed record UnmatchedPayment(string PaymentId, string? CaseId, string? AccountId, string? InvoiceId, Money Amount, DateTimeOffset? ReceivedAt, DateTimeOffset StoredAt, string Why);
