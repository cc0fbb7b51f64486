using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>The query side: secondary tables written by the commit activity after each commit (never by scanning
/// <c>Cases</c>): cases by status (partition) with stage and due date to filter on, payments by payment id, unmatched
/// payments and the cases each campaign opened.</summary>
public sealed class ReadModelStore(CaseTables tables)
{
    private const string VersionColumn = "Version";
    private const string StatusColumn = "Status";

    /// <summary>Writes the case's index row whole. When the status changed, the new row is written before the old one
    /// goes, so the case is never missing from the index (a reader may briefly see it twice, never not at all).</summary>
    /// <remarks>Only a newer projection replaces a row, and a row is only retired by a newer one. An activity may run
    /// twice (at-least-once delivery, a lost execution's activity finishing late), so a projection can arrive after a
    /// newer one: it then leaves the newer row alone, and when the case has since moved to another status, it takes back
    /// the row it wrote (the newer projection may have retired that status's row before this one landed).</remarks>
    public async Task ApplyAsync(CaseProjection projection, CancellationToken cancellationToken = default)
    {
        var entry = projection.Entry;
        var written = await WriteIfNewerAsync(entry, cancellationToken).ConfigureAwait(false);
        if (projection.PreviousStatus is { } previous)
        {
            await RetireAsync(previous.ToString(), entry.CaseId, entry.Version, cancellationToken).ConfigureAwait(false);
        }

        if (written is { } etag)
        {
            await TakeBackIfOvertakenAsync(entry, etag, cancellationToken).ConfigureAwait(false);
        }

        foreach (var payment in projection.Payments)
        {
            await tables.Payments.UpsertEntityAsync(new TableEntity(payment.PaymentId, "")
            {
                ["CaseId"] = payment.CaseId,
                ["Json"] = JsonSerializer.Serialize(payment, DomainJson.Options),
            }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        if (projection.OpenedByCampaign is { } campaign)
        {
            await tables.Campaigns.UpsertEntityAsync(new TableEntity(campaign, "c" + entry.CaseId) { ["Opened"] = true },
                TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the entry unless its status's partition holds a newer one (same version: written again, which
    /// is a repeat of this projection). Returns the written row's ETag, or null when a newer row was there.</summary>
    private async Task<ETag?> WriteIfNewerAsync(CaseIndexEntry entry, CancellationToken cancellationToken)
    {
        var partition = entry.Status.ToString();
        var row = new TableEntity(partition, entry.CaseId)
        {
            ["Stage"] = entry.Stage,
            ["DueDate"] = entry.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Version"] = entry.Version,
            ["Json"] = JsonSerializer.Serialize(entry, DomainJson.Options),
        };
        while (true)
        {
            var stored = await tables.CaseIndex.GetEntityIfExistsAsync<TableEntity>(partition, entry.CaseId, [VersionColumn], cancellationToken).ConfigureAwait(false);
            try
            {
                if (stored.HasValue && stored.Value is { } existing)
                {
                    if (existing.GetInt32(VersionColumn) > entry.Version)
                    {
                        return null;
                    }

                    return (await tables.CaseIndex.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)).Headers.ETag;
                }

                return (await tables.CaseIndex.AddEntityAsync(row, cancellationToken).ConfigureAwait(false)).Headers.ETag;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
            {
                // Another projection of this case wrote or removed the row between the read and the write: read again.
            }
        }
    }

    /// <summary>Removes the case's row under its previous status when it is older than this projection: read, then
    /// deleted with the ETag read (a row gone already is fine; a newer one means the case came back to that status).</summary>
    private async Task RetireAsync(string previous, string caseId, int version, CancellationToken cancellationToken)
    {
        var old = await tables.CaseIndex.GetEntityIfExistsAsync<TableEntity>(previous, caseId, [VersionColumn], cancellationToken).ConfigureAwait(false);
        if (!old.HasValue || old.Value is not { } row || row.GetInt32(VersionColumn) > version)
        {
            return;
        }

        await DeleteAsync(previous, caseId, row.ETag, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the case as committed now: when it has moved past this entry to another status, the row just
    /// written is stale and goes (the projection that moved it may have retired this status's row before this one
    /// landed). Under the same status the newer projection replaces the row itself.</summary>
    private async Task TakeBackIfOvertakenAsync(CaseIndexEntry entry, ETag written, CancellationToken cancellationToken)
    {
        var current = await CaseStore.GetStateRowAsync(tables.Cases, entry.CaseId, [VersionColumn, StatusColumn], cancellationToken).ConfigureAwait(false);
        if (current is not null && current.GetInt32(VersionColumn) > entry.Version
            && current.GetString(StatusColumn) != entry.Status.ToString())
        {
            await DeleteAsync(entry.Status.ToString(), entry.CaseId, written, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteAsync(string partition, string caseId, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await tables.CaseIndex.DeleteEntityAsync(partition, caseId, etag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone already, or rewritten since by a projection that settles the row itself.
        }
    }

    /// <summary>Whether the case has a row in the index under <paramref name="status"/>: one point read.</summary>
    public async Task<bool> IsListedAsync(CaseStatus status, string caseId, CancellationToken cancellationToken = default) =>
        (await tables.CaseIndex.GetEntityIfExistsAsync<TableEntity>(status.ToString(), caseId, [VersionColumn], cancellationToken).ConfigureAwait(false)).HasValue;

    /// <summary>One page of the case index. <paramref name="status"/> picks a partition; stage and due-date range are
    /// filters within it.</summary>
    public async Task<CasePage> ListAsync(CaseStatus? status, string? stage, DateOnly? dueFrom, DateOnly? dueTo, int pageSize,
        string? continuationToken, CancellationToken cancellationToken = default)
    {
        var filter = TableFilter.All(
            status is { } s ? (FormattableString)$"PartitionKey eq {s.ToString()}" : null,
            stage is not null ? (FormattableString)$"Stage eq {stage}" : null,
            dueFrom is { } from ? (FormattableString)$"DueDate ge {from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : null,
            dueTo is { } to ? (FormattableString)$"DueDate le {to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : null);
        var query = tables.CaseIndex.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, select: ["Json"], cancellationToken: cancellationToken);
        await foreach (var page in query.AsPages(continuationToken, pageSize).ConfigureAwait(false))
        {
            var items = page.Values.Select(e => JsonSerializer.Deserialize<CaseIndexEntry>(e.GetString("Json"), DomainJson.Options)!).ToList();
            return new CasePage(items, page.ContinuationToken);
        }

        return new CasePage([], null);
    }

    public async Task<PaymentRecord?> FindPaymentAsync(string paymentId, CancellationToken cancellationToken = default)
    {
        var row = await tables.Payments.GetEntityIfExistsAsync<TableEntity>(paymentId, "", cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } e ? JsonSerializer.Deserialize<PaymentRecord>(e.GetString("Json"), DomainJson.Options) : null;
    }

    /// <summary>Keeps a payment that matches no case; the payment id is the key, so a retried webhook stores it once
    /// (the first copy stays).</summary>
    public async Task AddUnmatchedAsync(UnmatchedPayment payment, CancellationToken cancellationToken = default)
    {
        try
        {
            await tables.Unmatched.AddEntityAsync(new TableEntity("unmatched", payment.PaymentId)
            {
                ["Json"] = JsonSerializer.Serialize(payment, DomainJson.Options),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }
    }

    public async Task<IReadOnlyList<UnmatchedPayment>> ListUnmatchedAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<UnmatchedPayment>();
        await foreach (var e in tables.Unmatched.QueryAsync<TableEntity>(x => x.PartitionKey == "unmatched", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(JsonSerializer.Deserialize<UnmatchedPayment>(e.GetString("Json"), DomainJson.Options)!);
        }

        return result;
    }

    /// <summary>How many cases a campaign has opened so far (rows written by the commits that opened them).</summary>
    public async Task<int> CountCampaignOpenedAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {"c"} and RowKey lt {"d"}");
        await foreach (var _ in tables.Campaigns.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
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
