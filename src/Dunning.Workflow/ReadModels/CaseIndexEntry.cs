using System.Text.Json.Serialization;
using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>A case as the index lists it: enough to page, filter and show a list item as GET shows the case, without
/// loading it: the debtor's zone (days past due count in it), whether it is disputed, and the operator flag.</summary>
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
    string DebtorZone,
    bool Disputed,
    string? Flag)
{
    [JsonIgnore]
    public bool Flagged => Flag is not null;
}
