using System.Text.Json;
using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public sealed partial class CaseRunProperties
{
    /// <summary>The runtime keeps only the events, as JSON; the state it rebuilds from them must be the one the
    /// decisions left, after every decision and not only at the end.</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void ReplayingTheHistory_RebuildsTheSameState_AlsoFromEventsStoredAsJson(CaseRun run)
    {
        var result = CaseRunDriver.Run(run);
        AssertSameState(result, result.Decisions.Count - 1, result.Final, CaseEvolution.Replay(result.History), "replayed in memory");

        var stored = result.History.Select(e => JsonSerializer.Serialize(e, DomainJson.Options)).ToList();
        var loaded = stored.Select(json => JsonSerializer.Deserialize<CaseEvent>(json, DomainJson.Options)!).ToList();
        for (var i = 0; i < stored.Count; i++)
        {
            var again = JsonSerializer.Serialize(loaded[i], DomainJson.Options);
            var at = i;
            Expect(loaded[i].GetType() == result.History[i].GetType() && again == stored[i],
                () => Failure(result, at, $"Event {at} does not survive a JSON round trip:\n{stored[at]}\n{again}"));
        }

        CaseState? state = null;
        var next = 0;
        for (var d = 0; d < result.Decisions.Count; d++)
        {
            foreach (var _ in result.Decisions[d].Events)
            {
                state = CaseEvolution.Evolve(state, loaded[next++]);
            }

            AssertSameState(result, d, result.Decisions[d].After, state, "replayed from JSON");
        }
    }

    private static void AssertSameState(CaseRunResult result, int decision, CaseState expected, CaseState? actual, string how)
    {
        var want = JsonSerializer.Serialize(expected, DomainJson.Options);
        var got = actual is null ? "null" : JsonSerializer.Serialize(actual, DomainJson.Options);
        if (want == got)
        {
            return;
        }

        var at = Enumerable.Range(0, Math.Min(want.Length, got.Length)).FirstOrDefault(i => want[i] != got[i]);
        var lastEvent = result.Decisions.Take(decision + 1).Sum(d => d.Events.Count) - 1;
        Assert.Fail(Failure(result, lastEvent,
            $"The state {how} after decision {decision} differs at character {at}:\n"
            + $"decided:  ...{want[Math.Max(0, at - 80)..Math.Min(want.Length, at + 80)]}...\n"
            + $"replayed: ...{got[Math.Max(0, at - 80)..Math.Min(got.Length, at + 80)]}..."));
    }
}
