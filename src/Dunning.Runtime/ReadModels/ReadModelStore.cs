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
    public async Task ApplyAsync(CaseProjection projection, CancellationToken cancellationToken = default)
    {
        var entry = projection.Entry;
        if (projection.PreviousStatus is { } previous && previous != entry.Status)
        {
            await storage.CaseIndex.DeleteEntityAsync(previous.ToString(), entry.CaseId, ETag.All, cancellationToken).ConfigureAwait(false);
        }

        await storage.CaseIndex.UpsertEntityAsync(new TableEntity(entry.Status.ToString(), entry.CaseId)
        {
            ["Stage"] = entry.Stage,
            ["DueDate"] = entry.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Version"] = entry.Version,
            ["Json"] = JsonSerializer.Serialize(entry, DomainJson.Options),
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

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
            maxPerPage: pageSize, select: ["Json"], cancellationToken: cancellationToken);
        await foreach (var page in query.AsPages(continuationToken, pageSize).ConfigureAwait(false))
        {
            var items = page.Values.Select(e => JsonSerializer.Deserialize<CaseIndexEntry>(e.GetString("Json"), DomainJson.Options)!).ToList();
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
