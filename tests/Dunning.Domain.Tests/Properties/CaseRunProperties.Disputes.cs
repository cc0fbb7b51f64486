using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public sealed partial class CaseRunProperties
{
    /// <summary>While the debt is disputed no promise to pay it is recorded (by a supervisor or from a visit): checked
    /// against the state each promise meets, inside its decision.</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void NoPromise_IsRecordedOnADisputedCase(CaseRun run)
    {
        var result = CaseRunDriver.Run(run);
        CaseState? state = null;
        for (var i = 0; i < result.History.Count; i++)
        {
            if (result.History[i] is PromiseRecorded && state is { Disputed: true })
            {
                var at = i;
                Assert.Fail(Failure(result, at, "A promise was recorded while the case is disputed."));
            }

            state = CaseEvolution.Evolve(state, result.History[i]);
        }
    }
}
