using Dunning.Domain;
using static Dunning.Cli.Tests.Scenarios;

namespace Dunning.Cli.Tests;

public sealed class PromiseSimulationTests
{
    private static readonly ScriptedPromise Promise = new(Date(11, 24), 3000m, Date(11, 28));

    [Fact]
    public void GivenAPromise_WhenItIsBroken_ThenEscalationResumesAfterTheGrace()
    {
        var result = Run(Promise);

        Assert.Equal(Local(11, 24, 12), Assert.Single(result.Events.OfType<PromiseRecorded>()).At);
        // Held from the promise until its date plus two days' grace: the 11-27 report does not happen.
        var broken = Assert.Single(result.Events.OfType<PromiseBroken>());
        Assert.Equal(Local(12, 1, 0), broken.At);
        Assert.DoesNotContain(result.Events, e => e is StepReached or ContactEvent && e.At > Local(11, 24, 12) && e.At < broken.At);

        // Then the ladder goes on from the step it stood at, to the end.
        Assert.Equal(Local(12, 1, 9), result.Step("supervisor-report").At);
        Assert.Equal(Local(12, 8, 9), result.Step("demand-notice").At);
        Assert.Equal(CaseStatus.HandedToLegal, result.FinalState!.Status);
        Assert.Equal(1, result.FinalState.BrokenPromises);
    }

    [Fact]
    public void GivenAWillingDebtorsPromise_WhenItIsBroken_ThenTheDebtorIsReclassifiedUnwilling()
    {
        var result = Run(new ScriptedClassification(Date(11, 22), DebtorType.WillingAble), Promise);

        var types = result.Events.OfType<DebtorClassified>().Select(classified => classified.DebtorType);
        Assert.Equal([DebtorType.WillingAble, DebtorType.UnwillingAble], types);
        Assert.Equal(DebtorType.UnwillingAble, result.FinalState!.DebtorType);
    }

    [Fact]
    public void GivenAPromise_WhenItIsKeptButABalanceRemains_ThenEscalationGoesOnForTheRest()
    {
        var result = Run(Promise, new ScriptedPayment(Date(11, 26), 3000m));

        Assert.Single(result.Events.OfType<PromiseKept>());
        Assert.Empty(result.Events.OfType<PromiseBroken>());
        Assert.Single(result.Events.OfType<PromiseHoldEnded>());
        Assert.Equal(Local(12, 1, 9), result.Step("supervisor-report").At);
        Assert.Equal(new Money(9000m, "CNY"), result.FinalState!.Outstanding);
    }
}
