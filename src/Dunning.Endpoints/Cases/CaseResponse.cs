using Dunning.Domain;
using Dunning.Workflow;

namespace Dunning.Endpoints.Cases;

/// <summary>A case as GET /api/cases/{caseId} shows it (HTTP-API.md), plus what it was opened with, whether it is
/// disputed and whether an operator must look at it (its workflow flagged it: a decision or an effect kept failing). A list page builds the
/// same item from the case index alone (<see cref="From(CaseIndexEntry, EscalationPolicy?, DateTimeOffset)"/>): days
/// past due, bucket and severity are counted at read time in the debtor's zone as GET counts them, and every other
/// field is the case as of its last change, so an item equals GET once the index has caught up with that change. One
/// difference stays: the next action of an Active case is the one as of its last change, while GET works it out as
/// of now. They differ only while a plan hold has run out and its timer has not yet been processed (GET already shows
/// the ladder's next step, the list still shows none), until that timer's decision rewrites the entry.</summary>
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
    bool Disputed,
    string Policy,
    int PolicyVersion,
    bool Flagged)
{
    public static CaseResponse From(CaseSnapshot stored, EscalationPolicy policy, DateTimeOffset now)
    {
        var s = stored.State;
        var summary = CaseSummary.Of(s, policy, now);
        return new CaseResponse(s.CaseId, s.AccountId, s.InvoiceId, summary.Status, summary.Stage, summary.Outstanding,
            summary.DaysPastDue, summary.Bucket, SeverityName(summary.Severity), summary.DebtorType, summary.NextAction,
            summary.PausedUntil, summary.ClosedReason, summary.Version, s.AmountDue, s.Recovered, s.DueDate, summary.Disputed,
            s.PolicyId, s.PolicyVersion, stored.Flagged);
    }

    /// <summary>From the case index (list pages), computed as <see cref="CaseSummary.Of"/> computes GET: days past due in
    /// the debtor's zone (UTC for a row written before the index kept the zone), then bucket and severity from them.
    /// Without the case's policy (not known to this service), severity falls back to light.</summary>
    public static CaseResponse From(CaseIndexEntry e, EscalationPolicy? policy, DateTimeOffset now)
    {
        var zone = e.DebtorZone is { } id && LocalCalendar.TryFindZone(id, out var found) ? found : TimeZoneInfo.Utc;
        var today = LocalCalendar.DateOf(now, zone);
        var daysPastDue = Classifier.DaysPastDue(e.Status, e.DueDate, today);
        var severity = policy is null ? SeverityBucket.Light : Classifier.SeverityFor(daysPastDue, e.Outstanding, policy.Severity);
        return new CaseResponse(e.CaseId, e.AccountId, e.InvoiceId, e.Status, e.Stage, e.Outstanding, daysPastDue,
            Classifier.Label(Classifier.BucketFor(daysPastDue)), SeverityName(severity), e.DebtorType,
            e.Status == CaseStatus.Active ? e.NextAction : null, e.PausedUntil, e.ClosedReason, e.Version, e.AmountDue,
            e.Recovered, e.DueDate, e.Disputed, e.PolicyId, e.PolicyVersion, e.Flagged);
    }

    /// <summary>The contract spells severities in lower case ("light").</summary>
    private static string SeverityName(SeverityBucket severity) => severity.ToString().ToLowerInvariant();
}
