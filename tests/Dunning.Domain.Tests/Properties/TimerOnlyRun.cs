namespace Dunning.Domain.Tests;

/// <summary>A case run with no script, opened before the ladder's first step: only its timers drive it.</summary>
public sealed record TimerOnlyRun(CaseRun Run)
{
    public override string ToString() => Run.ToString();
}
