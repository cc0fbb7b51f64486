using FsCheck;
using FsCheck.Fluent;

namespace Dunning.Domain.Tests;

/// <summary>FsCheck arbitraries for case runs. Shrinking tries the default policy first, then drops script commands
/// (all, each half, each one), so a failure is reported with the fewest commands that still show it.</summary>
public static class CaseRunArbitraries
{
    public static Arbitrary<CaseRun> CaseRuns() => Arb.From(CaseRunGen.Runs, Shrink);

    public static Arbitrary<TimerOnlyRun> TimerOnlyRuns() =>
        Arb.From(CaseRunGen.TimerOnly.Select(run => new TimerOnlyRun(run)), ShrinkTimerOnly);

    public static Arbitrary<PausedRun> PausedRuns() =>
        Arb.From(CaseRunGen.Paused, paused => Shrink(paused.Run).Select(run => new PausedRun(run)));

    public static Arbitrary<PrepaidRun> PrepaidRuns() =>
        Arb.From(CaseRunGen.Prepaid, prepaid => ShrinkTimerOnly(new TimerOnlyRun(prepaid.Run)).Select(quiet => new PrepaidRun(quiet.Run)));

    private static IEnumerable<CaseRun> Shrink(CaseRun run)
    {
        if (!ReferenceEquals(run.Policy, PolicyVariant.Default))
        {
            yield return run with { Policy = PolicyVariant.Default };
        }

        var script = run.Script;
        if (script.Count == 0)
        {
            yield break;
        }

        yield return run with { Script = [] };
        if (script.Count > 1)
        {
            yield return run with { Script = script.Take(script.Count / 2).ToArray() };
            yield return run with { Script = script.Skip(script.Count / 2).ToArray() };
        }

        for (var i = 0; i < script.Count; i++)
        {
            yield return run with { Script = script.Where((_, index) => index != i).ToArray() };
        }
    }

    /// <summary>The only simplification that keeps a timer-only run meaningful: the default policy, when the case
    /// still opens before its first step.</summary>
    private static IEnumerable<TimerOnlyRun> ShrinkTimerOnly(TimerOnlyRun quiet)
    {
        var simpler = quiet.Run with { Policy = PolicyVariant.Default };
        if (!ReferenceEquals(quiet.Run.Policy, PolicyVariant.Default) && CaseRunGen.OpensBeforeFirstStep(simpler))
        {
            yield return new TimerOnlyRun(simpler);
        }
    }
}
