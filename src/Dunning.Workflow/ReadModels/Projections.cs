using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>Builds the read-model update of a commit.</summary>
public static class Projections
{
    /// <remarks>Every recorded event raises the case's version, and a list item shows the version as GET does, so every
    /// commit with events projects (a delivery report or a rejection included), and so does a change of the flag: a list
    /// item then lags GET only until the commit's activity has written it, never by a change judged invisible.</remarks>
    public static CaseProjection For(CaseStatus? previousStatus, CaseState after, IReadOnlyList<CaseEvent> events, string? flag,
        EscalationPolicy policy, DateTimeOffset now)
    {
        var payments = events.OfType<PaymentApplied>().Select(p => new PaymentRecord(p.PaymentId, after.CaseId, p.Amount, p.At)).ToList();
        var opened = events.OfType<CaseOpened>().FirstOrDefault();
        var summary = CaseSummary.Of(after, policy, now);
        var entry = new CaseIndexEntry(after.CaseId, after.AccountId, after.InvoiceId, after.Status, after.Stage, summary.Outstanding,
            after.Recovered, after.AmountDue, after.DueDate, after.DebtorType, summary.NextAction, after.PausedUntil,
            after.ClosedReason, after.PolicyId, after.PolicyVersion, after.Version, after.BrokenPromises, after.PromisesKept,
            after.Debtor.TimeZone, summary.Disputed, flag);
        return new CaseProjection(entry, previousStatus is { } p && p != after.Status ? p : null, payments, opened?.CampaignId);
    }
}
