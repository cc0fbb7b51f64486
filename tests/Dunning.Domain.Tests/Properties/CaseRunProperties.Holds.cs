using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public sealed partial class CaseRunProperties
{
    /// <summary>A debtor classified willing but unable (on a track that holds for a plan, with no plan running) gets the
    /// hold for a plan before the ladder takes another step, whether the case was active or paused at the time: the
    /// hold comes, or a plan, another classification or the end of the case, before any step. The runs classify during
    /// a pause (<see cref="PausedRun"/>); scripted classifications at other times are checked too.</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void AWillingButUnableDebtor_GetsThePlanHoldBeforeTheNextStep(PausedRun paused)
    {
        var result = CaseRunDriver.Run(paused.Run);
        if (!result.Policy.TrackFor(DebtorType.WillingUnable).HoldForPlan)
        {
            return;
        }

        CaseState? state = null;
        for (var i = 0; i < result.History.Count; i++)
        {
            if (result.History[i] is DebtorClassified { DebtorType: DebtorType.WillingUnable } && state is { Plan: null })
            {
                var owed = i;
                var next = result.History.Skip(i + 1).FirstOrDefault(e =>
                    e is EscalationHeld or PlanAgreed or DebtorClassified or CaseClosed or StepReached or StepSkipped);
                Expect(next is not (StepReached or StepSkipped), () => Failure(result, owed,
                    $"The ladder moved on ({next!.Type}) before the willing-but-unable debtor's hold for a plan."));
            }

            state = CaseEvolution.Evolve(state, result.History[i]);
        }
    }
}
