using System.Text.Json.Serialization;
using Dunning.Domain;

namespace Dunning.Runtime;

/// <summary>A read-model update committed in a decision's outbox: the case's index entry (and the row to remove when its
/// status changed), payments applied, and the campaign that opened it. Applying it twice is harmless.</summary>
public sealed record CaseProjection(
    CaseIndexEntry Entry,
    CaseStatus? PreviousStatus,
    IReadOnlyList<PaymentRecord> Payments,
    string? OpenedByCampaign);

/// <summary>A case as the index lists it: enough to page, filter and show a list item as GET shows the case, without
/// loading it. <see cref="DebtorZone"/> and <see cref="Disputed"/> came later: rows written before them read as null
/// (days then count in UTC) and false until the case's next change rewrites the row.</summary>
public sealed record CaseIndexEntry(
    string CaseId,
    string AccountId,
    string InvoiceId,
    CaseStatus Status,
    string Stage,
    Money Outstanding,
    Money Recovered,
    Money AmountDue,
    DateOnly DueDate,
    DebtorType? DebtorType,
    NextAction? NextAction,
    DateTimeOffset? PausedUntil,
    ClosedReason? ClosedReason,
    string PolicyId,
    int PolicyVersion,
    int Version,
    int BrokenPromises,
    int PromisesKept,
    string? DebtorZone = null,
    bool Disputed = false)
{
    /// <summary>The operator flag (a message of the case went to the poison queue). It is set on the index row by
    /// <see cref="CaseStore.FlagAsync"/>, not by projections, so it lives in its own columns and not in the row's JSON.</summary>
    [JsonIgnore]
    public bool Flagged { get; init; }

    [JsonIgnore]
    public string? FlagReason { get; init; }
}

/// <summary>A payment applied to a case, indexed by payment id for duplicate detection across cases.</summary>
public sealed record PaymentRecord(string PaymentId, string CaseId, Money Amount, DateTimeOffset At);
