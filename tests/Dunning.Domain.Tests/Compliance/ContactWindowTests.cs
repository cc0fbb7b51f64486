namespace Dunning.Domain.Tests;

public class ContactWindowTests
{
    private static readonly TimeZoneInfo NewYork = OddZones.Get("America/New_York");
    private static readonly TimeZoneInfo Shanghai = OddZones.Get("Asia/Shanghai");

    [Theory]
    [InlineData("2026-05-04T08:00:00+08:00", true)]
    [InlineData("2026-05-04T20:59:59.9999999+08:00", true)]
    [InlineData("2026-05-04T07:59:59.9999999+08:00", false)]
    [InlineData("2026-05-04T21:00:00+08:00", false)]
    [InlineData("2026-05-04T00:30:00Z", true)]
    [InlineData("2026-05-04T13:30:00Z", false)]
    public void Default_AllowsLocalStartInclusive_EndExclusive(string instant, bool allowed)
    {
        Assert.Equal(allowed, ContactWindow.Default.Allows(DateTimeOffset.Parse(instant), Shanghai));
    }

    [Theory]
    [InlineData("2026-05-08T10:00:00+08:00", true)]
    [InlineData("2026-05-09T10:00:00+08:00", false)]
    [InlineData("2026-05-10T10:00:00+08:00", false)]
    public void WorkingHours_AllowsWeekdaysOnly(string instant, bool allowed)
    {
        Assert.Equal(allowed, ContactWindow.WorkingHours.Allows(DateTimeOffset.Parse(instant), Shanghai));
    }

    [Fact]
    public void NextAllowed_AllowedInstant_IsThatInstantWithTheZonesOffset()
    {
        var next = ContactWindow.Default.NextAllowed(DateTimeOffset.Parse("2026-05-04T02:00:00Z"), Shanghai);

        AssertSame("2026-05-04T10:00:00+08:00", next);
    }

    [Fact]
    public void NextAllowed_AfterTheWindowCloses_IsTomorrowsStart()
    {
        var next = ContactWindow.Default.NextAllowed(DateTimeOffset.Parse("2026-05-04T21:00:00+08:00"), Shanghai);

        AssertSame("2026-05-05T08:00:00+08:00", next);
    }

    [Fact]
    public void NextAllowed_FridayEvening_IsMondayMorningForVisits()
    {
        var next = ContactWindow.WorkingHours.NextAllowed(DateTimeOffset.Parse("2026-05-08T19:00:00+08:00"), Shanghai);

        AssertSame("2026-05-11T09:00:00+08:00", next);
    }

    [Fact]
    public void NextAllowed_DefaultWindowOnTheSpringForwardDay_OpensAtEightDaylightTime()
    {
        var next = ContactWindow.Default.NextAllowed(DateTimeOffset.Parse("2026-03-08T01:00:00-05:00"), NewYork);

        AssertSame("2026-03-08T08:00:00-04:00", next);
    }

    [Theory]
    // Start 02:30 falls in New York's 02:00-03:00 gap: the window opens when the clock shows 03:00.
    [InlineData("America/New_York", "02:30", "05:00", "2026-03-08T00:00:00-05:00", "2026-03-08T03:00:00-04:00")]
    // The gap swallows the whole window that day, so the next day's start is the answer.
    [InlineData("America/New_York", "02:00", "02:45", "2026-03-08T00:00:00-05:00", "2026-03-09T02:00:00-04:00")]
    [InlineData("America/New_York", "02:00", "03:00", "2026-03-08T00:00:00-05:00", "2026-03-09T02:00:00-04:00")]
    [InlineData("Europe/London", "01:30", "03:00", "2026-03-29T00:00:00Z", "2026-03-29T02:00:00+01:00")]
    [InlineData("Australia/Lord_Howe", "02:00", "03:00", "2026-10-04T00:00:00+10:30", "2026-10-04T02:30:00+11:00")]
    [InlineData("Australia/Lord_Howe", "02:00", "02:20", "2026-10-04T00:00:00+10:30", "2026-10-05T02:00:00+11:00")]
    [InlineData("Pacific/Chatham", "03:00", "04:00", "2026-09-27T00:00:00+12:45", "2026-09-27T03:45:00+13:45")]
    [InlineData("America/Sao_Paulo", "00:00", "06:00", "2018-11-03T23:00:00-03:00", "2018-11-04T01:00:00-02:00")]
    public void NextAllowed_StartInASpringForwardGap_IsTheFirstInstantAfterTheGapInsideTheWindow(
        string zone, string start, string end, string instant, string expected)
    {
        var window = new ContactWindow(TimeOnly.Parse(start), TimeOnly.Parse(end));

        var next = window.NextAllowed(DateTimeOffset.Parse(instant), OddZones.Get(zone));

        AssertSame(expected, next);
    }

    [Theory]
    // After the window closed at 01:30 EDT, the clocks fall back from 02:00 EDT to 01:00 EST: the window is open again.
    [InlineData("America/New_York", "00:00", "01:30", "2026-11-01T01:45:00-04:00", "2026-11-01T01:00:00-05:00")]
    // The second time the clock shows the start.
    [InlineData("America/New_York", "01:30", "01:45", "2026-11-01T01:50:00-04:00", "2026-11-01T01:30:00-05:00")]
    // Sao Paulo fell back at midnight: Saturday 23:00-24:00 happened twice.
    [InlineData("America/Sao_Paulo", "23:00", "23:30", "2019-02-16T23:45:00-02:00", "2019-02-16T23:00:00-03:00")]
    public void NextAllowed_FallBackRepeatsTheWindow_IsTheRepeat(
        string zone, string start, string end, string instant, string expected)
    {
        var window = new ContactWindow(TimeOnly.Parse(start), TimeOnly.Parse(end));

        var next = window.NextAllowed(DateTimeOffset.Parse(instant), OddZones.Get(zone));

        AssertSame(expected, next);
    }

    [Fact]
    public void NextAllowed_FoldFromAfterMidnightBackIntoYesterday_FindsYesterdaysRepeatedWindow()
    {
        // Daylight time ends at 00:30 on a Sunday, back to 23:30 on Saturday: an instant dated Sunday is followed
        // by instants dated Saturday. No zone in tzdata does this today; the search must still see it.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2000, 1, 1), new DateTime(2050, 12, 31), TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 0, 30, 0), 10, 5, DayOfWeek.Sunday));
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/Midnight_Fold", TimeSpan.Zero, "Midnight fold", "Standard", "Daylight", [rule]);
        var window = new ContactWindow(new TimeOnly(23, 0), new TimeOnly(23, 45));
        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(DateTimeOffset.Parse("2026-10-24T23:29:59Z")));
        Assert.Equal(TimeSpan.Zero, zone.GetUtcOffset(DateTimeOffset.Parse("2026-10-24T23:30:00Z")));

        var next = window.NextAllowed(DateTimeOffset.Parse("2026-10-25T00:10:00+01:00"), zone);

        AssertSame("2026-10-24T23:30:00+00:00", next);
    }

    [Fact]
    public void NextAllowed_FridaysOnlyInSamoaWhenFriday30December2011WasSkipped_IsTheFollowingFriday()
    {
        var window = ContactWindow.Default with { Days = new HashSet<DayOfWeek> { DayOfWeek.Friday } };

        var next = window.NextAllowed(DateTimeOffset.Parse("2011-12-29T12:00:00-10:00"), OddZones.Get("Pacific/Apia"));

        AssertSame("2012-01-06T08:00:00+14:00", next);
    }

    [Fact]
    public void NextAllowed_InvalidWindow_Throws()
    {
        var window = new ContactWindow(new TimeOnly(21, 0), new TimeOnly(8, 0));

        var error = Assert.Throws<InvalidOperationException>(() => window.NextAllowed(DateTimeOffset.Parse("2026-05-04T00:00:00Z"), Shanghai));
        Assert.Equal(ContactWindow.Validate(window.Start, window.End, window.Days), error.Message);
    }

    [Fact]
    public void Validate_SensibleWindows_HaveNoError()
    {
        Assert.Null(ContactWindow.Validate(ContactWindow.Default.Start, ContactWindow.Default.End, ContactWindow.Default.Days));
        Assert.Null(ContactWindow.Validate(ContactWindow.WorkingHours.Start, ContactWindow.WorkingHours.End, ContactWindow.WorkingHours.Days));
        Assert.Null(ContactWindow.Validate(TimeOnly.MinValue, TimeOnly.MaxValue, new HashSet<DayOfWeek> { DayOfWeek.Sunday }));
    }

    [Fact]
    public void Validate_StartNotBeforeEnd_IsAnError()
    {
        Assert.NotNull(ContactWindow.Validate(new TimeOnly(9, 0), new TimeOnly(9, 0), null));
        Assert.NotNull(ContactWindow.Validate(new TimeOnly(21, 0), new TimeOnly(8, 0), null));
    }

    [Fact]
    public void Validate_EmptyOrBogusDays_IsAnError()
    {
        Assert.NotNull(ContactWindow.Validate(new TimeOnly(8, 0), new TimeOnly(21, 0), new HashSet<DayOfWeek>()));
        Assert.NotNull(ContactWindow.Validate(new TimeOnly(8, 0), new TimeOnly(21, 0), new HashSet<DayOfWeek> { (DayOfWeek)9 }));
    }

    private static void AssertSame(string expected, DateTimeOffset actual)
    {
        // DateTimeOffset equality ignores the offset; the offset is part of the contract here.
        Assert.Equal(DateTimeOffset.Parse(expected), actual);
        Assert.Equal(DateTimeOffset.Parse(expected).Offset, actual.Offset);
    }
}
