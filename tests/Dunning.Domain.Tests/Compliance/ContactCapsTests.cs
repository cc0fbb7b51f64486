namespace Dunning.Domain.Tests;

public class ContactCapsTests
{
    // Regulation F: at most 7 call attempts in 7 days, none within 7 days after a conversation.
    private static readonly ContactCap SevenInSeven = new(7, TimeSpan.FromDays(7), TimeSpan.FromDays(7));

    private static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2026-03-02T10:00:00Z");

    [Fact]
    public void GivenSixAttemptsThisWeek_WhenAsked_ThenNow()
    {
        var attempts = Enumerable.Range(0, 6).Select(day => Monday.AddDays(day)).ToArray();
        var now = Monday.AddDays(6).AddHours(2);

        Assert.Equal(now, ContactCaps.EarliestAllowed(SevenInSeven, attempts, null, now));
    }

    [Fact]
    public void GivenSevenAttemptsInSevenDays_WhenAsked_ThenWhenTheFirstAgesOut()
    {
        var attempts = Enumerable.Range(0, 7).Select(day => Monday.AddDays(day)).ToArray();
        var now = Monday.AddDays(6).AddHours(2);

        // The window is (t - 7 days, t]: the Monday attempt stops counting exactly 7 days later.
        Assert.Equal(Monday.AddDays(7), ContactCaps.EarliestAllowed(SevenInSeven, attempts, null, now));
    }

    [Fact]
    public void GivenTwoAttemptsAtTheSameInstantAgeingOut_WhenAsked_ThenBothMustAgeOut()
    {
        var cap = new ContactCap(2, TimeSpan.FromDays(1), TimeSpan.Zero);
        var attempts = new[] { Monday, Monday, Monday.AddHours(5) };

        Assert.Equal(Monday.AddDays(1), ContactCaps.EarliestAllowed(cap, attempts, null, Monday.AddHours(6)));
    }

    [Fact]
    public void GivenUnsortedAttemptsAndOldOnes_WhenAsked_ThenOnlyTheRollingWindowCounts()
    {
        var cap = new ContactCap(3, TimeSpan.FromDays(1), TimeSpan.Zero);
        var midnight = DateTimeOffset.Parse("2026-03-02T00:00:00Z");
        var attempts = new[]
        {
            midnight.AddHours(20), midnight.AddDays(-300), midnight.AddHours(2), midnight.AddDays(-2), midnight.AddHours(9),
        };

        // In the window at 21:00: 02:00, 09:00 and 20:00. The 02:00 one ages out at 02:00 the next day.
        Assert.Equal(midnight.AddHours(26), ContactCaps.EarliestAllowed(cap, attempts, null, midnight.AddHours(21)));
    }

    [Fact]
    public void GivenARecentConversation_WhenAsked_ThenAfterTheQuietPeriod()
    {
        var conversation = Monday.AddHours(5);

        Assert.Equal(conversation.AddDays(7), ContactCaps.EarliestAllowed(SevenInSeven, [], conversation, Monday.AddDays(1)));
    }

    [Fact]
    public void GivenAConversationLongAgo_WhenAsked_ThenNow()
    {
        var now = Monday.AddDays(30);

        Assert.Equal(now, ContactCaps.EarliestAllowed(SevenInSeven, [Monday], Monday, now));
    }

    [Fact]
    public void GivenTheQuietPeriodEndsWhileTheCapIsStillFull_WhenAsked_ThenTheLaterOfBoth()
    {
        var cap = new ContactCap(2, TimeSpan.FromDays(3), TimeSpan.FromDays(1));
        var attempts = new[] { Monday, Monday.AddDays(1) };

        // Quiet ends Tuesday 12:00, but both attempts count until Monday's ages out on Thursday 10:00.
        Assert.Equal(Monday.AddDays(3), ContactCaps.EarliestAllowed(cap, attempts, Monday.AddDays(1).AddHours(2), Monday.AddDays(1).AddHours(3)));
    }

    [Fact]
    public void GivenALaterInstant_WhenAnswered_ThenItCarriesNowsOffset()
    {
        var now = Monday.AddDays(1).ToOffset(TimeSpan.FromHours(8));

        var earliest = ContactCaps.EarliestAllowed(SevenInSeven, [], Monday, now);

        Assert.Equal(Monday.AddDays(7), earliest);
        Assert.Equal(TimeSpan.FromHours(8), earliest.Offset);
    }

    [Theory]
    [InlineData(0, 7, 7)]
    [InlineData(7, 0, 7)]
    [InlineData(7, 7, -1)]
    public void GivenANonsenseCap_WhenAsked_ThenItIsRejected(int maxAttempts, int perDays, int quietDays)
    {
        var cap = new ContactCap(maxAttempts, TimeSpan.FromDays(perDays), TimeSpan.FromDays(quietDays));

        Assert.Throws<ArgumentOutOfRangeException>(() => ContactCaps.EarliestAllowed(cap, [], null, Monday));
    }
}
