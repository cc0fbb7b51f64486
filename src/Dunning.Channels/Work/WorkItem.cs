using System.Text.Json.Serialization;
using Azure;
using Dunning.Domain;

namespace Dunning.Channels.Work;

/// <summary>A call task or field visit. <see cref="Id"/> is "{caseId}-{contactId}", so the effect that made it always
/// names the same item. <see cref="NotBefore"/> is inside the debtor's allowed window (the domain deferred it there);
/// <see cref="LocalDate"/> is that day in the debtor's <see cref="TimeZone"/>.</summary>
public sealed record WorkItem
{
    public required string Id { get; init; }
    public required WorkItemKind Kind { get; init; }
    public required string CaseId { get; init; }
    public required string ContactId { get; init; }
    public required string Step { get; init; }
    public required WorkItemStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset NotBefore { get; init; }
    public required string TimeZone { get; init; }
    public required DateOnly LocalDate { get; init; }
    public required string DebtorName { get; init; }
    public required string AccountId { get; init; }
    public required string InvoiceId { get; init; }
    public required Money Outstanding { get; init; }

    /// <summary>The number to call (calls only).</summary>
    public string? Phone { get; init; }

    /// <summary>Where to go (visits only).</summary>
    public string? Address { get; init; }

    public string? AssignedCollector { get; init; }
    public string? AssignedRegion { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
    public string? CompletedBy { get; init; }

    /// <summary>Visits: Met, NotHome, Refused, Promised or Moved; calls: Connected or NotConnected.</summary>
    public string? Outcome { get; init; }

    public string? Notes { get; init; }
    public decimal? PromisedAmount { get; init; }
    public DateOnly? PromisedDate { get; init; }

    /// <summary>Whether the outcome's command reached the case (recorded in its command log); a completion that failed half-way is re-sent.</summary>
    public bool CommandSent { get; init; }

    /// <summary>When the supervisor alert for a visit not reported in time was raised (at most once).</summary>
    public DateTimeOffset? AlertRaisedAt { get; init; }

    public string? CancelReason { get; init; }

    [JsonIgnore]
    public ETag ETag { get; init; }

    public bool IsOpen => Status is WorkItemStatus.Open or WorkItemStatus.Scheduled;

    public static string IdFor(string caseId, string contactId) => $"{caseId}-{contactId}";
}
