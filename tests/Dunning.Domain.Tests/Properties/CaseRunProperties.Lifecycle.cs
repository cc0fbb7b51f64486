using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public sealed partial class CaseRunProperties
{
    /// <summary>A case closed (for any reason), handed to legal or paid in full never contacts the debtor again.</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void AfterClosingLegalHandoffOrFullPayment_NoContactFollows(CaseRun run)
    {
        var result = CaseRunDriver.Run(run);
        var end = -1;
        for (var i = 0; i < result.History.Count; i++)
        {
            var e = result.History[i];
            if (end >= 0 && e is ContactEvent contact)
            {
                Assert.Fail(Failure(result, i, $"{contact.Type} for {contact.Step} follows {result.History[end].Type} (event {end})."));
            }

            if (end < 0 && IsEnd(e))
            {
                end = i;
            }
        }
    }

    /// <summary>No contact while the case is paused, disputed, closed or with legal, and none on a channel the
    /// debtor opted out of: checked against the state each contact event meets, inside its decision.</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void EveryContact_HappensWhileTheCaseIsActive_OnAChannelNotOptedOutOf(CaseRun run)
    {
        var result = CaseRunDriver.Run(run);
        CaseState? state = null;
        for (var i = 0; i < result.History.Count; i++)
        {
            if (result.History[i] is ContactEvent contact && state is { } s)
            {
                var at = i;
                Expect(s.Status == CaseStatus.Active && !s.OptOuts.Contains(contact.Channel), () => Failure(result, at,
                    $"{contact.Type} for {contact.Step} while the case is {s.Status} (opted out of {string.Join(", ", s.OptOuts)})."));
            }

            state = CaseEvolution.Evolve(state, result.History[i]);
        }
    }

    /// <summary>A timer message with a token the case no longer expects (it re-armed since) changes nothing.</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void AStaleTimer_EmitsNothing(CaseRun run)
    {
        var result = CaseRunDriver.Run(run);
        var seen = 0;
        foreach (var decision in result.Decisions)
        {
            seen += decision.Events.Count;
            if (decision.Stale)
            {
                var expected = decision.Before?.Timer?.Token ?? "none";
                Expect(decision.Events.Count == 0, () => Failure(result, seen - 1,
                    $"Stale {decision.Command} (the case expects {expected}) emitted {string.Join(", ", decision.Events.Select(e => e.Type))}."));
            }
        }
    }
}
