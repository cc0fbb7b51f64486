namespace Dunning.Domain.Tests;

/// <summary>A case run with a pause in the middle of its ladder, during which the debtor is classified willing but
/// unable and channels report contacts failed; the case resumes by itself or when a supervisor says so.</summary>
public sealed record PausedRun(CaseRun Run)
{
    public override string ToString() => Run.ToString();
}
