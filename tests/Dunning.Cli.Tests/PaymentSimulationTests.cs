using Dunning.Domain;
using static Dunning.Cli.Tests.Scenarios;

namespace Dunning.Cli.Tests;

public sealed class PaymentSimulationTests
{
    [Fact]
    public void GivenTheLadderRunning_WhenTheFullAmountIsPaidOn1125_ThenTheCaseClosesAndNothingFollows()
    {
        var result = Run(new ScriptedPayment(Date(11, 25), 12000m));

        var paidAt = Local(11, 25, 12);
        var payment = Assert.Single(result.Events.OfType<PaymentApplied>());
        Assert.Equal(paidAt, payment.At);
        Assert.Equal(new Money(0m, "CNY"), payment.Outstanding);
        var closed = Assert.Single(result.Events.OfType<CaseClosed>());
        Assert.Equal(ClosedReason.PaidInFull, closed.ClosedReason);
        Assert.Equal(paidAt, closed.At);

        Assert.DoesNotContain(result.Events, e => e.At > paidAt);
        Assert.IsType<CaseClosed>(result.Events.Last(e => e is not TimerArmed));
        Assert.DoesNotContain(result.Steps(), step => step.Step is "supervisor-report" or "demand-notice" or "lawyer-letter" or "legal-handoff");
        Assert.Equal(CaseStatus.Closed, result.FinalState!.Status);
        Assert.Null(result.FinalState.Timer);
    }

    [Fact]
    public void GivenTheLadderRunning_WhenPartOfTheAmountIsPaid_ThenTheOutstandingDropsAndLaterClaimsUseIt()
    {
        var result = Run(new ScriptedPayment(Date(11, 25), 5000m));

        var payment = Assert.Single(result.Events.OfType<PaymentApplied>());
        Assert.Equal(new Money(5000m, "CNY"), payment.Amount);
        Assert.Equal(new Money(7000m, "CNY"), payment.Outstanding);
        Assert.Equal(new Money(7000m, "CNY"), result.FinalState!.Outstanding);
        Assert.Equal(new Money(5000m, "CNY"), result.FinalState.Recovered);

        // Escalation goes on, on the same dates, for the smaller balance.
        Assert.Equal(Local(12, 4, 9), result.Step("demand-notice").At);
        var notice = result.Events.OfType<NoticeIssued>().First();
        Assert.Equal(new Money(7000m, "CNY"), notice.Claim.Principal);
    }

    [Fact]
    public void GivenTwoPayments_WhenTheyAddUpToTheDebt_ThenTheSecondClosesTheCase()
    {
        var result = Run(new ScriptedPayment(Date(11, 25), 5000m), new ScriptedPayment(Date(11, 30), 7000m));

        Assert.Equal(
            [new Money(7000m, "CNY"), new Money(0m, "CNY")],
            result.Events.OfType<PaymentApplied>().Select(payment => payment.Outstanding));
        Assert.Equal(Local(11, 30, 12), Assert.Single(result.Events.OfType<CaseClosed>()).At);
    }

    [Fact]
    public void GivenAPaymentDetail_WhenRendered_ThenItShowsTheAmountAndTheOutstanding()
    {
        var rows = TimelineRows.From(Run(new ScriptedPayment(Date(11, 25), 5000m)), verbose: false);

        var row = Assert.Single(rows, row => row.Type == nameof(PaymentApplied));
        Assert.Equal("paid 5000.00 CNY, outstanding 7000.00 CNY", row.Detail);
        Assert.Null(row.Channel);
    }
}
