using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public sealed partial class CaseRunProperties
{
    /// <summary>Debtors often pay part before the due date (the pre-due reminder asks them to); the ladder must run
    /// on as usual for the rest, through the steps that state a claim, to the legal hand-off.</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void APartialPaymentBeforeTheDueDate_DoesNotStopTheLadder(PrepaidRun prepaid)
    {
        var result = CaseRunDriver.Run(prepaid.Run);
        var reached = result.History.OfType<StepReached>().Select(e => e.Step).ToList();
        var ladder = result.Policy.Steps.Select(step => step.Name).ToList();

        Expect(reached.SequenceEqual(ladder) && result.Final.Status == CaseStatus.HandedToLegal,
            () => Failure(result, null, $"Steps reached [{string.Join(", ", reached)}], ended {result.Final.Status}."));
    }
}
