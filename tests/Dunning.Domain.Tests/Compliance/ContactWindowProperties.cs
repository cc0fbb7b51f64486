using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public class ContactWindowProperties
{
    [Property(Arbitrary = [typeof(ComplianceArbitraries)], MaxTest = 1000)]
    public void NextAllowed_IsNoEarlier_IsAllowed_IsIdempotent_AndCarriesTheZonesOffset(WindowScenario s)
    {
        var next = s.Window.NextAllowed(s.Instant, s.Zone);

        Assert.True(next >= s.Instant);
        Assert.True(s.Window.Allows(next, s.Zone));
        Assert.Equal(s.Zone.GetUtcOffset(next), next.Offset);
        Assert.Equal(next, s.Window.NextAllowed(next, s.Zone));
        Assert.Equal(next == s.Instant, s.Window.Allows(s.Instant, s.Zone));
    }

    [Property(Arbitrary = [typeof(ComplianceArbitraries)], MaxTest = 300)]
    public void NextAllowed_NothingBetweenTheInstantAndTheAnswerIsAllowed(WindowScenario s)
    {
        var next = s.Window.NextAllowed(s.Instant, s.Zone);
        if (next == s.Instant)
        {
            return;
        }

        // Window edges, offsets and offset changes of these zones all sit on whole minutes, so every allowed
        // stretch starts on a whole minute: checking each whole minute (plus the tick before the answer) proves
        // nothing earlier was allowed.
        Assert.False(s.Window.Allows(next.AddTicks(-1), s.Zone));
        var minute = new DateTimeOffset(s.Instant.UtcTicks - (s.Instant.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        for (var t = minute.AddMinutes(1); t < next; t = t.AddMinutes(1))
        {
            Assert.False(s.Window.Allows(t, s.Zone), $"{t:O} is allowed but the answer was {next:O}");
        }

        for (var i = 1; i < 16; i++)
        {
            // Integer ticks: TimeSpan * double would round a 1-tick distance up onto the answer itself.
            var sample = s.Instant.AddTicks((next - s.Instant).Ticks * i / 16);
            Assert.False(s.Window.Allows(sample, s.Zone), $"{sample:O} is allowed but the answer was {next:O}");
        }
    }
}
