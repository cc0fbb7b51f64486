namespace Dunning.Domain.Tests;

/// <summary>A timer-only case run with one partial payment on a local date before the due date.</summary>
public sealed record PrepaidRun(CaseRun Run)
{
    public override string ToString() => Run.ToString();
}
