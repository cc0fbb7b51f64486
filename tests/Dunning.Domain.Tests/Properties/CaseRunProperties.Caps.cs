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
            var attempts = history.Select((e, i) => (Event: e as ContactEvent, Index: i))
                .Where(x => x.Event?.Channel == channel)
                .ToList();
            foreach (var (attempt, index) in attempts)
            {
                var inWindow = attempts.Count(other => other.Event!.At > attempt!.At - cap.Per && other.Event.At <= attempt.At);
                Assert.True(inWindow <= cap.MaxAttempts, Failure(result, index,
                    $"{inWindow} {channel} contacts in the {cap.Per.TotalDays:0} days up to {attempt!.At:O}; the cap is {cap.MaxAttempts}."));

                if (channel != ContactChannel.Call || cap.QuietAfterConversation <= TimeSpan.Zero)
                {
                    continue;
                }

                var conversation = history.Take(index).OfType<DeliveryConfirmed>().LastOrDefault(d => d.Channel == ContactChannel.Call);
                Assert.True(conversation is null || attempt.At >= conversation.At + cap.QuietAfterConversation, Failure(result, index,
                    $"A call at {attempt.At:O} comes within {cap.QuietAfterConversation.TotalDays:0} days of the conversation at {conversation?.At:O}."));
            }
        }
    }
}
