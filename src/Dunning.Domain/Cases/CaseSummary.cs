namespace Dunning.Domain;

/// <summary>The next thing the ladder will do for a case, and when.</summary>
public sealed record NextAction(string Step, DateTimeOffset DueAt);

/// <summary>A case as supervisors read it: status, stage, money, delinquency and what comes next, as of an instant.</summary>
public sealed record CaseSummary(
    string CaseId,
    string AccountId,
    string InvoiceId,
    CaseStatus Status,
    string Stage,
    Money Outstanding,
    int DaysPastDue,
    string Bucket,
    SeverityBucket Severity,
    DebtorType? DebtorType,
    NextAction? NextAction,
    DateTimeOffset? PausedUntil,
    ClosedReason? ClosedReason,
    bool Disputed,
    int Version)
{
    public static CaseSummary Of(CaseState s, EscalationPolicy policy, DateTimeOffset now)
    {
        var zone = s.Debtor.Zone;
        var today = LocalCalendar.DateOf(now, zone);
        var daysPastDue = Classifier.DaysPastDue(s.Status, s.DueDate, today);
        var positive = s.Outstanding.IsNegative ? Money.Zero(s.Outstanding.Currency) : s.Outstanding;
        return new CaseSummary(s.CaseId, s.AccountId, s.InvoiceId, s.Status, s.Stage, positive, daysPastDue,
            Classifier.Label(Classifier.BucketFor(daysPastDue)), Classifier.SeverityFor(daysPastDue, positive, policy.Severity),
            s.DebtorType, Next(s, policy, zone, now), s.PausedUntil, s.ClosedReason, s.Disputed, s.Version);
    }

    private static NextAction? Next(CaseState s, EscalationPolicy policy, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (s.Status != CaseStatus.Active)
        {
            return null;
        }

        var pending = s.PendingContacts.OrderBy(p => p.NotBefore).FirstOrDefault();
        if (pending is not null)
        {
            return new NextAction(pending.Step, LocalCalendar.ToLocal(pending.NotBefore, zone));
        }

        return !s.IsHeld(now) && Ladder.NextStep(s, policy, zone) is { } next
            ? new NextAction(policy.Steps[next.Index].Name, LocalCalendar.ToLocal(next.At, zone))
            : null;
    }
}
