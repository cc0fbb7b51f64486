namespace Dunning.Domain;

public static partial class CaseDecider
{
    /// <summary>Money is never refused silently and never counted twice: a payment id seen before changes nothing, a
    /// payment that cannot apply is recorded as rejected, and a payment on a closed case still lowers the balance.</summary>
    private static void Pay(Decision d, ReceivePayment c)
    {
        var s = d.Case;
        if (s.PaymentIds.Contains(c.PaymentId))
        {
            return;
        }

        if (c.Amount.Currency != s.Outstanding.Currency)
        {
            d.Emit(new PaymentRejected(c.Now, c.PaymentId, c.Amount, $"the case is in {s.Outstanding.Currency}, the payment in {c.Amount.Currency}"));
            return;
        }

        if (!c.Amount.IsPositive)
        {
            d.Emit(new PaymentRejected(c.Now, c.PaymentId, c.Amount, "a payment must be positive"));
            return;
        }

        var outstanding = s.Outstanding - c.Amount;
        d.Emit(new PaymentApplied(c.Now, c.PaymentId, c.Amount, outstanding, c.ReceivedAt));
        if (outstanding.IsNegative)
        {
            var credit = Money.Min(c.Amount, Money.Zero(outstanding.Currency) - outstanding);
            d.Emit(new CreditRecorded(c.Now, c.PaymentId, credit));
        }

        if (d.Case.Promise is { Kept: false } promise && promise.Paid >= promise.Amount)
        {
            d.Emit(new PromiseKept(c.Now, promise.Amount));
        }

        if (!outstanding.IsPositive && d.Case.Status != CaseStatus.Closed)
        {
            CancelPending(d, "the case was paid in full");
            d.Emit(new CaseClosed(c.Now, ClosedReason.PaidInFull, Actor.System, "paid in full"));
        }
    }
}
