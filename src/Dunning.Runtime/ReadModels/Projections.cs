using Dunning.Domain;

namespace Dunning.Runtime;

/// <summary>Builds the read-model update of a decision, or null when nothing a reader sees changed.</summary>
public static class Projections
{
    public static CaseProjection? For(CaseState? before, CaseState after, IReadOnlyList<CaseEvent> events, EscalationPolicy policy, DateTimeOffset now)
    {
        var payments = events.OfType<PaymentApplied>().Select(p => new PaymentRecord(p.PaymentId, after.CaseId, p.Amount, p.At)).ToList();
        var opened = events.OfType<CaseOpened>().FirstOrDefault();
        var visible = before is null || payments.Count > 0 || before.Status != after.Status || before.Stage != after.Stage
            || before.DebtorType != after.DebtorType || before.PendingContacts.Count != after.PendingContacts.Count
            || before.Timer?.DueAt != after.Timer?.DueAt || before.BrokenPromises != after.BrokenPromises
            || events.Any(e => e is PromiseKept or CaseResumed or CasePaused);
        if (!visible)
        {
            return null;
        }

        var summary = CaseSummary.Of(after, policy, now);
        var entry = new CaseIndexEntry(after.CaseId, after.AccountId, after.InvoiceId, after.Status, after.Stage, summary.Outstanding,
            after.Recovered, after.AmountDue, after.DueDate, after.DebtorType, summary.NextAction, after.PausedUntil,
            after.ClosedReason, after.PolicyId, after.PolicyVersion, after.Version, after.BrokenPromises, after.PromisesKept);
        return new CaseProjection(entry, before is not null && before.Status != after.Status ? before.Status : null,
            payments, opened?.CampaignId);
    }
}
