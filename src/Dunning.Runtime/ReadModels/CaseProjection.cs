using Dunning.Domain;

namespace Dunning.Runtime;

/// <summary>A read-model update committed in a decision's outbox: the case's index entry (and the row to remove when its
/// status changed), payments applied, and the campaign that opened it. Applying it twice is harmless.</summary>
public sealed record CaseProjection(
    CaseIndexEntry Entry,
    CaseStatus? PreviousStatus,
    IReadOnlyList<PaymentRecord> Payments,
    string? OpenedByCampaign);

/// <summary>A case as the index lists it, enough to page and filter without loading the case.</summary>
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
    int PromisesKept);

/// <summary>A payment applied to a case, indexed by payment id for duplicate detection across cases.</summary>
public sealed record PaymentRecord(string PaymentId, string CaseId, Money Amount, DateTimeOffset At);
