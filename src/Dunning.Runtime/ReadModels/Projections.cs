using Dunning.Domain;

namespace Dunning.Runtime;

/// <summary>Builds the read-model update of a decision, or null when the decision recorded nothing.</summary>
public static class Projections
{
    /// <remarks>Every recorded event raises the case's version, and a list item shows the version as GET does, so
    /// every decision with events projects (a delivery report or a rejection included): a list item then lags GET only
    /// by the outbox dispatch, never by a change that was judged invisible.</remarks>
    public static CaseProjection? For(CaseState? before, CaseState after, IReadOnlyList<CaseEvent> events, EscalationPolicy policy, DateTimeOffset now)
    {
        if (events.Count == 0)
        {
            return null;
        }

        var payments = events.OfType<PaymentApplied>().Select(p => new PaymentRecord(p.PaymentId, after.CaseId, p.Amount, p.At)).ToList();
        var opened = events.OfType<CaseOpened>().FirstOrDefault();
        var summary = CaseSummary.Of(after, policy, now);
        var entry = new CaseIndexEntry(after.CaseId, after.AccountId, after.InvoiceId, after.Status, after.Stage, summary.Outstanding,
            after.Recovered, after.AmountDue, after.DueDate, after.DebtorType, summary.NextAction, after.PausedUntil,
            after.ClosedReason, after.PolicyId, after.PolicyVersion, after.Version, after.BrokenPromises, after.PromisesKept,
            after.Debtor.TimeZone, summary.Disputed);
        return new CaseProjection(entry, before is not null && before.Status != after.Status ? before.Status : null,
            payments, opened?.CampaignId);
    }
}
