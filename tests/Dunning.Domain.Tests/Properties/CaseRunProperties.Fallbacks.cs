using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public sealed partial class CaseRunProperties
{
    /// <summary>A first report that an SMS (or e-mail) failed, on an open case whose step has not reached the debtor on
    /// the other channel, brings that channel's fallback in the same decision, sent or deferred, whether the case is
    /// active or paused; a deferred one is then never lost (<see cref="ADeferredContact_IsNeverLost"/>). The runs report
    /// failures during a pause (<see cref="PausedRun"/>); scripted reports at other times are checked too.</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void AFailedContact_KeepsItsFallback_EvenWhileTheCaseIsPaused(PausedRun paused)
    {
        var result = CaseRunDriver.Run(paused.Run);
        var seen = 0;
        foreach (var decision in result.Decisions)
        {
            seen += decision.Events.Count;
            if (decision is not { Command: ReportDelivery { Succeeded: false } report, Before: { IsOpen: true } before }
                || before.Contacts.FirstOrDefault(c => c.ContactId == report.ContactId) is not { Delivered: null, FallbackFor: null } failed
                || OtherChannel(failed.Channel) is not { } fallback
                || !CanReach(before, fallback)
                || before.Contacts.Any(c => c.Step == failed.Step && c.Channel == fallback && c.Delivered != false)
                || before.PendingContacts.Any(p => p.Step == failed.Step && CaseDecider.ChannelOf(p.Action) == fallback))
            {
                continue;
            }

            var kept = decision.Events.Any(e => e switch
            {
                ContactEvent c => c.Step == failed.Step && c.Channel == fallback,
                ContactDeferred d => d.Step == failed.Step && CaseDecider.ChannelOf(d.Action) == fallback && d.FallbackFor == failed.ContactId,
                _ => false,
            });
            var at = seen - 1;
            Expect(kept, () => Failure(result, at,
                $"{failed.Channel} {failed.ContactId} of {failed.Step} failed while the case was {before.Status}; no {fallback} fallback followed."));
        }
    }

    private static ContactChannel? OtherChannel(ContactChannel channel) => channel switch
    {
        ContactChannel.Sms => ContactChannel.Email,
        ContactChannel.Email => ContactChannel.Sms,
        _ => null,
    };

    private static bool CanReach(CaseState state, ContactChannel channel) => !state.OptOuts.Contains(channel) && channel switch
    {
        ContactChannel.Email => !string.IsNullOrWhiteSpace(state.Debtor.Email),
        _ => !string.IsNullOrWhiteSpace(state.Debtor.Phone),
    };
}
