namespace Dunning.Domain;

/// <summary>A versioned escalation policy: the ladder, the tracks and the rules of lawful contact and money.
/// A case pins the (id, version) it opened with.</summary>
public sealed record EscalationPolicy(
    string Id,
    int Version,
    ContactRules Contact,
    PromiseRules Promise,
    PlanRules Plan,
    PenaltyTerms? Penalty,
    LateFee? LateFee,
    SeverityRules Severity,
    IReadOnlyList<EscalationStep> Steps,
    IReadOnlyDictionary<DebtorType, TrackOverride> Tracks)
{
    public int IndexOf(string stepName)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (string.Equals(Steps[i].Name, stepName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public TrackOverride TrackFor(DebtorType? type) =>
        type is { } t && Tracks.TryGetValue(t, out var track) ? track : TrackOverride.None;
}
