namespace Dunning.Domain.Tests;

public class LocalCalendarTests
{
    private static readonly TimeZoneInfo NewYork = OddZones.Get("America/New_York");
    private static readonly TimeZoneInfo London = OddZones.Get("Europe/London");

    [Fact]
    public void DateOf_IsTheDebtorsLocalDate_NotTheUtcDate()
    {
        var instant = DateTimeOffset.Parse("2026-01-01T16:30:00Z");

        Assert.Equal(new DateOnly(2026, 1, 2), LocalCalendar.DateOf(instant, OddZones.Get("Asia/Shanghai")));
        Assert.Equal(new DateOnly(2026, 1, 1), LocalCalendar.DateOf(instant, NewYork));
    }

    [Fact]
    public void ToLocal_KeepsTheInstant_AndTakesTheZonesOffsetAtThatInstant()
    {
        var winter = LocalCalendar.ToLocal(DateTimeOffset.Parse("2026-01-15T12:00:00Z"), NewYork);
        var summer = LocalCalendar.ToLocal(DateTimeOffset.Parse("2026-07-15T12:00:00Z"), NewYork);

        Assert.Equal(DateTimeOffset.Parse("2026-01-15T12:00:00Z"), winter);
        Assert.Equal(TimeSpan.FromHours(-5), winter.Offset);
        Assert.Equal(TimeSpan.FromHours(-4), summer.Offset);
    }

    [Fact]
    public void At_OrdinaryLocalTime_IsThatWallClockWithTheZonesOffset()
    {
        var at = LocalCalendar.At(new DateOnly(2026, 5, 4), new TimeOnly(9, 15), OddZones.Get("Asia/Kolkata"));

        AssertSame("2026-05-04T09:15:00+05:30", at);
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08", "02:30", "2026-03-08T03:30:00-04:00")]
    [InlineData("America/New_York", "2026-03-08", "02:00", "2026-03-08T03:00:00-04:00")]
    [InlineData("Europe/London", "2026-03-29", "01:30", "2026-03-29T02:30:00+01:00")]
    [InlineData("Australia/Lord_Howe", "2026-10-04", "02:15", "2026-10-04T02:45:00+11:00")]
    [InlineData("Pacific/Chatham", "2026-09-27", "03:00", "2026-09-27T04:00:00+13:45")]
    [InlineData("America/St_Johns", "2026-03-08", "02:59", "2026-03-08T03:59:00-02:30")]
    [InlineData("America/Sao_Paulo", "2018-11-04", "00:00", "2018-11-04T01:00:00-02:00")]
    [InlineData("Pacific/Apia", "2011-12-30", "09:00", "2011-12-31T09:00:00+14:00")]
    public void At_TimeInASpringForwardGap_MovesForwardByTheGapLength(string zone, string date, string time, string expected)
    {
        var at = LocalCalendar.At(DateOnly.Parse(date), TimeOnly.Parse(time), OddZones.Get(zone));

        AssertSame(expected, at);
    }

    [Theory]
    [InlineData("America/New_York", "2026-11-01", "01:30", "2026-11-01T01:30:00-04:00")]
    [InlineData("Europe/London", "2026-10-25", "01:00", "2026-10-25T01:00:00+01:00")]
    [InlineData("Australia/Lord_Howe", "2026-04-05", "01:45", "2026-04-05T01:45:00+11:00")]
    [InlineData("America/Sao_Paulo", "2019-02-16", "23:30", "2019-02-16T23:30:00-02:00")]
    public void At_TimeInAFallBackFold_IsTheEarlierOccurrence(string zone, string date, string time, string expected)
    {
        var at = LocalCalendar.At(DateOnly.Parse(date), TimeOnly.Parse(time), OddZones.Get(zone));

        AssertSame(expected, at);
    }

    [Fact]
    public void At_FirstMinuteAfterTheFold_IsUnambiguous()
    {
        var at = LocalCalendar.At(new DateOnly(2026, 11, 1), new TimeOnly(2, 0), NewYork);

        AssertSame("2026-11-01T02:00:00-05:00", at);
    }

    [Fact]
    public void At_LastTickBeforeTheGap_IsStillTheOldOffset()
    {
        var at = LocalCalendar.At(new DateOnly(2026, 3, 29), new TimeOnly(0, 59, 59).Add(TimeSpan.FromTicks(9_999_999)), London);

        Assert.Equal(TimeSpan.Zero, at.Offset);
        Assert.Equal(DateTimeOffset.Parse("2026-03-29T01:00:00Z").AddTicks(-1), at);
    }

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("America/New_York")]
    [InlineData("Pacific/Chatham")]
    [InlineData("Etc/UTC")]
    public void TryFindZone_KnownIanaId_FindsIt(string id)
    {
        Assert.True(LocalCalendar.TryFindZone(id, out var zone));
        Assert.Equal(id, zone.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("China Standard Time")]
    [InlineData("Eastern Standard Time")]
    [InlineData("America/New_York ")]
    [InlineData("../zoneinfo/UTC")]
    public void TryFindZone_UnknownBlankOrWindowsId_IsFalse(string id)
    {
        Assert.False(LocalCalendar.TryFindZone(id, out _));
    }

    private static void AssertSame(string expected, DateTimeOffset actual)
    {
        // DateTimeOffset equality ignores the offset; the offset is part of the contract here.
        Assert.Equal(DateTimeOffset.Parse(expected), actual);
        Assert.Equal(DateTimeOffset.Parse(expected).Offset, actual.Offset);
    }
}
