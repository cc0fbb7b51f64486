using System.Text.Json;
using Dunning.Domain;

namespace Dunning.Chaos;

/// <summary>Each stored state is exactly what replaying the case's own history gives (compared as domain JSON).</summary>
public static class StateMatchesHistory
{
    public const string Name = "every case in the state its history implies";

    public static InvariantResult Check(IReadOnlyList<CaseSnapshot> cases)
    {
        var violations = new List<string>();
        foreach (var c in cases)
        {
            if (c.Stored is null)
            {
                violations.Add($"{c.CaseId} was never opened ({c.History.Count} history rows)");
                continue;
            }

            var replayed = JsonSerializer.Serialize(CaseEvolution.Replay(c.History), DomainJson.Options);
            var stored = JsonSerializer.Serialize(c.Stored.State, DomainJson.Options);
            if (replayed != stored)
            {
                violations.Add($"{c.CaseId}: stored version {c.Stored.State.Version}, replay of {c.History.Count} events differs");
            }
        }

        return InvariantResult.Of(Name, violations, $"{cases.Count} cases, {cases.Sum(c => c.History.Count):N0} history events replayed");
    }
}
