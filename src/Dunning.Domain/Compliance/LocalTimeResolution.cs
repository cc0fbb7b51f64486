namespace Dunning.Domain;

/// <summary>How one local wall-clock reading maps onto instants in a zone: once, twice (the clocks fell back
/// over it) or never (the clocks sprang forward over it).</summary>
/// <param name="Occurrences">Every instant showing the reading, earliest first, each carrying the zone's offset there.</param>
/// <param name="Transition">For a gap, the first instant after it; for a fold, the instant the clocks went back
/// (between the first and second occurrence); null when the reading occurs exactly once.</param>
internal readonly record struct LocalTimeResolution(IReadOnlyList<DateTimeOffset> Occurrences, DateTimeOffset? Transition)
{
    public bool IsGap => Occurrences.Count == 0;

    public bool IsFold => Occurrences.Count > 1;
}
