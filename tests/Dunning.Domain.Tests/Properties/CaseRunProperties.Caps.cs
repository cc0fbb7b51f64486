using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public sealed partial class CaseRunProperties
{
    /// <summary>For every capped channel, no rolling window of the cap's length holds more than its attempts, and
    /// (calls) none comes within the quiet period after a reported conversation.</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void ContactCaps_HoldInEveryRollingWindow(CaseRun run)
    {
        var result = CaseRunDriver.Run(run);
        var history = result.History;
        foreach (var (channel, cap) in result.Policy.Contact.Caps)
        {
            var attempts = Enumerable.Range(0, history.Count)
                .Where(i => history[i] is ContactEvent contact && contact.Channel == channel)
                .Select(i => (At: history[i].At, Index: i))
                .ToList();
            foreach (var (at, index) in attempts)
            {
                var inWindow = attempts.Count(other => other.At > at - cap.Per && other.At <= at);
                Expect(inWindow <= cap.MaxAttempts, () => Failure(result, index,
                    $"{inWindow} {channel} contacts in the {cap.Per.TotalDays:0} days up to {at:O}; the cap is {cap.MaxAttempts}."));

                if (channel != ContactChannel.Call || cap.QuietAfterConversation <= TimeSpan.Zero)
                {
                    continue;
                }

                var conversation = history.Take(index).OfType<DeliveryConfirmed>().LastOrDefault(d => d.Channel == ContactChannel.Call);
                Expect(conversation is null || at >= conversation.At + cap.QuietAfterConversation, () => Failure(result, index,
                    $"A call at {at:O} comes within {cap.QuietAfterConversation.TotalDays:0} days of the conversation at {conversation!.At:O}."));
            }
        }
    }
}
