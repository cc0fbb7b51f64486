namespace Dunning.Chaos;

/// <summary>One checked invariant: its name, whether it held, and the figures (or the first counter-examples).</summary>
public sealed record InvariantResult(string Name, bool Passed, string Detail)
{
    public static InvariantResult Of(string name, IReadOnlyList<string> violations, string whenHeld) =>
        new(name, violations.Count == 0, violations.Count == 0
            ? whenHeld
            : $"{violations.Count} violation(s): {string.Join("; ", violations.Take(5))}");
}
