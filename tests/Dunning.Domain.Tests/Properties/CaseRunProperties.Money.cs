using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public sealed partial class CaseRunProperties
{
    /// <summary>A supervisor never sees a negative balance: an overpayment shows as credit, and the books balance
    /// (recovered = due - outstanding, credit = what was paid beyond the amount due) after every decision.</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void Outstanding_IsNeverNegativeInTheSummary_AndRecoveredPlusOutstandingIsTheAmountDue(CaseRun run)
    {
        var result = CaseRunDriver.Run(run);
        var seen = 0;
        foreach (var decision in result.Decisions)
        {
            seen += decision.Events.Count;
            var s = decision.After;
            var summary = CaseSummary.Of(s, result.Policy, decision.Command.Now);
            var zero = Money.Zero(s.Outstanding.Currency);
            var last = seen - 1;
            Expect(!summary.Outstanding.IsNegative,
                () => Failure(result, last, $"The summary shows {summary.Outstanding} outstanding."));
            Expect(summary.Outstanding == Money.Max(s.Outstanding, zero),
                () => Failure(result, last, $"The summary shows {summary.Outstanding} but the case owes {s.Outstanding}."));
            Expect(s.Recovered == s.AmountDue - s.Outstanding,
                () => Failure(result, last, $"Recovered {s.Recovered} is not {s.AmountDue} due minus {s.Outstanding} outstanding."));
            Expect(s.Credit == Money.Max(zero - s.Outstanding, zero),
                () => Failure(result, last, $"Credit {s.Credit} does not match {s.Outstanding} outstanding."));
        }

        var credits = result.History.OfType<CreditRecorded>().Aggregate(Money.Zero(run.AmountDue.Currency), (sum, c) => sum + c.Credit);
        Expect(credits == result.Final.Credit,
            () => Failure(result, null, $"CreditRecorded events add up to {credits} but the case holds {result.Final.Credit} credit."));
    }

    /// <summary>Money is counted once: a payment id is applied at most once, a repeat of an applied payment emits
    /// nothing, every new valid payment is applied, and what was applied is what was recovered.</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void EachPayment_IsAppliedExactlyOnce_AndRecoveredIsTheSumApplied(CaseRun run)
    {
        var result = CaseRunDriver.Run(run);
        var seen = 0;
        foreach (var decision in result.Decisions)
        {
            seen += decision.Events.Count;
            if (decision.Command is not ReceivePayment payment)
            {
                continue;
            }

            var last = seen - 1;
            var events = decision.Events;
            var applied = events.OfType<PaymentApplied>().Where(e => e.PaymentId == payment.PaymentId).ToList();
            var before = decision.Before!;
            if (before.PaymentIds.Contains(payment.PaymentId))
            {
                Expect(events.Count == 0, () => Failure(result, last,
                    $"A repeat of applied payment {payment.PaymentId} emitted {string.Join(", ", events.Select(e => e.Type))}."));
            }
            else if (payment.Amount.Currency == before.Outstanding.Currency && payment.Amount.IsPositive)
            {
                Expect(applied.Count == 1 && applied[0].Amount == payment.Amount, () => Failure(result, last,
                    $"New payment {payment.PaymentId} of {payment.Amount} was applied {applied.Count} times."));
            }
            else
            {
                Expect(applied.Count == 0 && events.OfType<PaymentRejected>().Count() == 1, () => Failure(result, last,
                    $"Invalid payment {payment.PaymentId} of {payment.Amount} was not rejected exactly once."));
            }
        }

        var all = result.History.OfType<PaymentApplied>().ToList();
        Expect(all.Select(e => e.PaymentId).Distinct().Count() == all.Count, () => Failure(result, null, "A payment id was applied twice."));
        var total = all.Aggregate(Money.Zero(run.AmountDue.Currency), (sum, e) => sum + e.Amount);
        Expect(total == result.Final.Recovered,
            () => Failure(result, null, $"Payments applied add up to {total} but {result.Final.Recovered} was recovered."));
    }
}
