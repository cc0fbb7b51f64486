using System.Text.Json;
using Dunning.Domain;

namespace Dunning.Chaos;

/// <summary>Each stored state is exactly what replaying the case's own history rows through
/// <see cref="CaseEvolution.Evolve"/> gives (compared as domain JSON: the state's lists compare by reference).</summary>
public static class StateMatchesHistory
{
    public const string Name = "every case in the state its history implies";

    public static InvariantResult Check(IReadOnlyList<CaseAtRest> cases)
    {
        var violations = new List<string>();
        foreach (var c in cases)
        {
            if (c.Stored is null)
            {
                violations.Add($"{c.CaseId} was never opened ({c.History.Count} history rows)");
                continue;
            }

            var replayed = JsonSerializer.Serialize(c.History.Aggregate((CaseState?)null, CaseEvolution.Evolve), DomainJson.Options);
            var stored = JsonSerializer.Serialize(c.Stored.State, DomainJson.Options);
            if (replayed != stored)
            {
                violations.Add($"{c.CaseId}: stored version {c.Stored.State.Version}, replay of {c.History.Count} events differs " +
                    $"(last events: {string.Join(", ", c.History.TakeLast(4).Select(e => $"{e.Type} at {e.At:O}"))}; stored: {Difference(replayed, stored)})");
            }
        }

        return InvariantResult.Of(Name, violations, $"{cases.Count} cases, {cases.Sum(c => c.History.Count):N0} history events replayed");
    }

    /// <summary>Where two JSON texts part, with a little of each around it.</summary>
    private static string Difference(string replayed, string stored)
    {
        var at = 0;
        while (at < replayed.Length && at < stored.Length && replayed[at] == stored[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 60);
        return $"replayed ...{replayed[from..Math.Min(replayed.Length, at + 80)]}... stored ...{stored[from..Math.Min(stored.Length, at + 80)]}...";
    }
}
