using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public class ContactCapsProperties
{
    [Property(Arbitrary = [typeof(ComplianceArbitraries)], MaxTest = 300)]
    public void EarliestAllowed_SatisfiesBothRules_AndNothingEarlierDoes(CapScenario s)
    {
        var earliest = ContactCaps.EarliestAllowed(s.Cap, s.Attempts, s.LastConversation, s.Now);

        Assert.True(earliest >= s.Now);
        Assert.Equal(s.Now.Offset, earliest.Offset);
        Assert.True(Allowed(s, earliest), $"{earliest:O} breaks the cap");

        // All inputs sit on whole minutes, so the allowed set starts on one: checking each minute before the
        // answer proves it is the earliest.
        for (var t = s.Now; t < earliest; t = t.AddMinutes(1))
        {
            Assert.False(Allowed(s, t), $"{t:O} was already allowed, the answer was {earliest:O}");
        }
    }

    // The rules as the cap states them, written out independently of the implementation.
    private static bool Allowed(CapScenario s, DateTimeOffset t) =>
        s.Attempts.Count(a => t - s.Cap.Per < a && a <= t) < s.Cap.MaxAttempts
        && (s.LastConversation is null || t >= s.LastConversation.Value + s.Cap.QuietAfterConversation);
}
