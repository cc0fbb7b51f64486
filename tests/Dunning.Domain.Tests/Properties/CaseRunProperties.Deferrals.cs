using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public sealed partial class CaseRunProperties
{
    /// <summary>A deferred contact is never dropped silently: later it happens (same step and channel), is skipped
    /// or cancelled on the record, the case ends, or it still waits in the state with a wake-up armed for it (or
    /// the case is paused, which is when it is allowed to wait without one).</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void ADeferredContact_IsNeverLost(CaseRun run)
    {
        var result = CaseRunDriver.Run(run);
        var history = result.History;
        var final = result.Final;
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i] is not ContactDeferred deferred)
            {
                continue;
            }

            var channel = CaseDecider.ChannelOf(deferred.Action);
            var settled = history.Skip(i + 1).Any(e => e switch
            {
                ContactEvent c => c.Step == deferred.Step && c.Channel == channel,
                ContactSkipped s => s.Step == deferred.Step && s.Action == deferred.Action,
                PendingContactsCancelled or CaseClosed or CaseHandedToLegal => true,
                _ => false,
            });
            if (settled)
            {
                continue;
            }

            var waiting = final.PendingContacts.FirstOrDefault(p => p.Step == deferred.Step && p.Action == deferred.Action);
            var at = i;
            Expect(waiting is not null, () => Failure(result, at,
                $"Deferred {deferred.Action} of {deferred.Step} neither happened nor was skipped or cancelled, and is not pending."));
            Expect(final.Status == CaseStatus.Paused || final.Timer is { } timer && timer.DueAt <= waiting!.NotBefore, () => Failure(result, at,
                $"Deferred {deferred.Action} of {deferred.Step} waits until {waiting!.NotBefore:O} in a {final.Status} case "
                    + $"with timer {final.Timer?.DueAt:O}: nothing will wake it."));
        }
    }
}
