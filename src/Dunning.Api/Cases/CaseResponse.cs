using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Api.Cases;

/// <summary>A case as GET /api/cases/{caseId} shows it (HTTP-API.md), plus what it was opened with, whether it is
/// disputed and whether an operator must look at it (a message of it went to the poison queue); list pages built from
/// the index leave those two null.</summary>
public sealed record CaseResponse(
    string CaseId,
    string AccountId,
    string InvoiceId,
    CaseStatus Status,
    string Stage,
    Money Outstanding,
    int DaysPastDue,
    string Bucket,
    string Severity,
    DebtorType? DebtorType,
    NextAction? NextAction,
    DateTimeOffset? PausedUntil,
    ClosedReason? ClosedReason,
    int Version,
    Money AmountDue,
    Money Recovered,
    DateOnly DueDate,
    bool? Disputed,
    string Policy,
    int PolicyVersion,
    bool? Flagged)
{
    public static CaseResponse From(StoredCase stored, EscalationPolicy policy, DateTimeOffset now)
    {
        var s = stored.State;
        var summary = CaseSummary.Of(s, policy, now);
        return new CaseResponse(s.CaseId, s.AccountId, s.InvoiceId, summary.Status, summary.Stage, summary.Outstanding,
            summary.DaysPastDue, summary.Bucket, SeverityName(summary.Severity), summary.DebtorType, summary.NextAction,
            summary.PausedUntil, summary.ClosedReason, summary.Version, s.AmountDue, s.Recovered, s.DueDate, summary.Disputed,
            s.PolicyId, s.PolicyVersion, stored.Flagged);
    }

    /// <summary>From the case index (list pages): the index has no debtor time zone, so days past due count from
    /// <paramref name="today"/> as the caller gives it, and the next action is as of the case's last change.</summary>
    public static CaseResponse From(CaseIndexEntry e, EscalationPolicy? policy, DateOnly today)
    {
        var open = e.Status is CaseStatus.Active or CaseStatus.Paused or CaseStatus.HandedToLegal;
        var daysPastDue = open ? Math.Max(0, today.DayNumber - e.DueDate.DayNumber) : 0;
        var severity = policy is null ? SeverityBucket.Light : Classifier.SeverityFor(daysPastDue, e.Outstanding, policy.Severity);
        return new CaseResponse(e.CaseId, e.AccountId, e.InvoiceId, e.Status, e.Stage, e.Outstanding, daysPastDue,
            Classifier.Label(Classifier.BucketFor(daysPastDue)), SeverityName(severity), e.DebtorType,
            e.Status == CaseStatus.Active ? e.NextAction : null, e.PausedUntil, e.ClosedReason, e.Version, e.AmountDue,
            e.Recovered, e.DueDate, null, e.PolicyId, e.PolicyVersion, null);
    }

    /// <summary>The contract spells severities in lower case ("light").</summary>
    private static string SeverityName(SeverityBucket severity) => severity.ToString().ToLowerInvariant();
}
