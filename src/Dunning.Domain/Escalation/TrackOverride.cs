namespace Dunning.Domain;

/// <summary>How a debtor type bends the ladder: steps skipped, offsets changed, a jump straight to a step, or a hold
/// while a repayment plan is agreed.</summary>
public sealed record TrackOverride(
    IReadOnlyList<string> Skip,
    IReadOnlyDictionary<string, int> OffsetDays,
    string? JumpTo = null,
    bool HoldForPlan = false)
{
    public static TrackOverride None { get; } = new([], new Dictionary<string, int>());
}
