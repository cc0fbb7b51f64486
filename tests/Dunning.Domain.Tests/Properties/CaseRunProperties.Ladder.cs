using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public sealed partial class CaseRunProperties
{
    /// <summary>Left to its timers, a case opened before its first step climbs the whole ladder, each step once and
    /// in order, across DST changes and deferrals, and ends handed to legal with no timer left.</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void WithOnlyTimers_EveryStepIsReachedOnceInOrder_AndTheCaseEndsWithLegal(TimerOnlyRun quiet)
    {
        var result = CaseRunDriver.Run(quiet.Run);
        var reached = result.History.OfType<StepReached>().Select(e => e.Step).ToList();
        var ladder = result.Policy.Steps.Select(step => step.Name).ToList();

        Expect(reached.SequenceEqual(ladder),
            () => Failure(result, null, $"Steps reached [{string.Join(", ", reached)}], ladder [{string.Join(", ", ladder)}]."));
        Expect(!result.Truncated && result.Final.Status == CaseStatus.HandedToLegal && result.Final.Timer is null, () => Failure(result, null,
            $"The run ended {result.Final.Status} with timer {result.Final.Timer?.DueAt:O} (truncated: {result.Truncated})."));
    }
}
