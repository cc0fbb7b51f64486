using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public class LocalCalendarProperties
{
    [Property(Arbitrary = [typeof(ComplianceArbitraries)], MaxTest = 500)]
    public void At_OfAnInstantsOwnReading_ShowsThatReading_NoLaterThanTheInstant(ZonedInstant x)
    {
        var local = LocalCalendar.ToLocal(x.Instant, x.Zone);

        var at = LocalCalendar.At(DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime), x.Zone);

        Assert.Equal(local.DateTime, LocalCalendar.ToLocal(at, x.Zone).DateTime);
        Assert.Equal(x.Zone.GetUtcOffset(at), at.Offset);
        // Equal, or the earlier occurrence of a reading the clocks passed twice.
        Assert.True(at <= x.Instant);
        Assert.Equal(LocalCalendar.DateOf(x.Instant, x.Zone), DateOnly.FromDateTime(local.DateTime));
    }

    [Property(Arbitrary = [typeof(ComplianceArbitraries)], MaxTest = 500)]
    public void At_AnyReading_IsTheEarliestOccurrence_OrTheGapShiftedReading(ZonedReading r)
    {
        var local = r.Date.ToDateTime(r.Time);
        var occurrences = OddZones.Offsets(r.Zone)
            .Select(offset => new DateTimeOffset(local, offset))
            .Where(instant => r.Zone.GetUtcOffset(instant) == instant.Offset)
            .ToList();

        var at = LocalCalendar.At(r.Date, r.Time, r.Zone);

        Assert.Equal(r.Zone.GetUtcOffset(at), at.Offset);
        if (occurrences.Count > 0)
        {
            Assert.Equal(occurrences.Min(), at);
        }
        else
        {
            // Read with the offset in force before the gap, which was the offset just before the last change.
            var transition = OddZones.Transitions(r.Zone).Last(t => t <= at);
            var offsetBefore = r.Zone.GetUtcOffset(transition.AddTicks(-1));
            Assert.Equal(new DateTimeOffset(local, offsetBefore), at);
            Assert.True(LocalCalendar.ToLocal(at, r.Zone).DateTime > local);
        }
    }
}
