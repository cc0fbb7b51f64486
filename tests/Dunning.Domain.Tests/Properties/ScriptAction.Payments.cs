namespace Dunning.Domain.Tests;

public abstract partial record ScriptAction
{
    /// <summary>A new payment (fresh id) sized against the outstanding amount when it arrives.</summary>
    public sealed record Pay(PaymentKind Kind, int Percent) : ScriptAction
    {
        internal override CaseCommand ToCommand(DateTimeOffset now, RunContext run)
        {
            var s = run.State;
            var currency = s.Outstanding.Currency;
            var owed = s.Outstanding.IsPositive ? s.Outstanding.Amount : 0m;
            var other = currency == "CHF" ? "USD" : "CHF";
            var amount = Kind switch
            {
                PaymentKind.Partial => new Money(RunContext.Share(owed > 0 ? owed : s.AmountDue.Amount, Percent, currency), currency),
                PaymentKind.Full => new Money(owed > 0 ? owed : RunContext.Share(s.AmountDue.Amount, Percent, currency), currency),
                PaymentKind.Over => new Money(owed + RunContext.Share(s.AmountDue.Amount, Percent, currency), currency),
                PaymentKind.WrongCurrency => new Money(RunContext.Share(s.AmountDue.Amount, Percent, other), other),
                _ => Money.Zero(currency),
            };
            var payment = new ReceivePayment(now, $"pay-{run.Payments.Count + 1}", amount, now.AddMinutes(-Percent));
            run.Payments.Add(payment);
            return payment;
        }
    }

    /// <summary>The billing system delivers an earlier payment again (same id and amount), as at-least-once queues do.</summary>
    public sealed record RepeatPayment(int Pick) : ScriptAction
    {
        internal override CaseCommand? ToCommand(DateTimeOffset now, RunContext run) =>
            run.Payments.Count == 0 ? null : run.Payments[Pick % run.Payments.Count] with { Now = now };
    }
}
