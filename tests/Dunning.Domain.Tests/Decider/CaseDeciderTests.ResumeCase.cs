namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private const string ResumeReason = "the debtor is back home";

    [Fact]
    public void GivenAPausedCase_WhenResumedAfterTheNextStepsDate_ThenThatStepIsTakenToday_AndLaterStepsKeepTheirSpacing()
    {
        Given(Standing.Paused);
        var now = Shanghai(11, 24, 10);

        When(new ResumeCase(now, Supervisor, ResumeReason));

        // The field visit (due 11-23) moves to 11-24; the supervisor report follows four days later, as before.
        Then(
            new CaseResumed(now, Supervisor, ResumeReason),
            new LadderRebased(now, Date(11, 21), "resumed by a supervisor"),
            new StepReached(now, "field-visit", 3, Shanghai(11, 24, 9)),
            new VisitScheduled(now, "k7", "field-visit", LiWei.Address),
            new TimerArmed(now, "t6", Shanghai(11, 28, 9)));
    }

    [Fact]
    public void GivenAPausedCase_WhenResumedEarlyOnTheDayTheStepMovesTo_ThenTheStepWaitsForItsHour()
    {
        Given(Standing.Paused);
        var now = Shanghai(11, 24, 7);

        When(new ResumeCase(now, Supervisor, ResumeReason));

        Then(
            new CaseResumed(now, Supervisor, ResumeReason),
            new LadderRebased(now, Date(11, 21), "resumed by a supervisor"),
            new TimerArmed(now, "t6", Shanghai(11, 24, 9)));
    }

    [Fact]
    public void GivenAPausedCase_WhenResumedBeforeTheNextStepsDate_ThenTheLadderKeepsItsDates()
    {
        Given(Standing.Paused);
        var now = Shanghai(11, 22, 11);

        When(new ResumeCase(now, Supervisor, ResumeReason));

        Then(
            new CaseResumed(now, Supervisor, ResumeReason),
            new TimerArmed(now, "t6", Shanghai(11, 23, 9)));
    }

    [Fact]
    public void GivenADisputedCase_WhenResumedOnceVerified_ThenCollectionGoesOnFromWhereItStood()
    {
        Given(Standing.Disputed);
        var now = Shanghai(11, 26, 10);

        When(new ResumeCase(now, Supervisor, "the dispute was checked: the debt stands"));

        Then(
            new CaseResumed(now, Supervisor, "the dispute was checked: the debt stands"),
            new LadderRebased(now, Date(11, 23), "resumed by a supervisor"),
            new StepReached(now, "field-visit", 3, Shanghai(11, 26, 9)),
            new VisitScheduled(now, "k7", "field-visit", LiWei.Address),
            new TimerArmed(now, "t6", Shanghai(11, 30, 9)));
        Assert.False(After!.Disputed);
    }

    [Theory]
    [InlineData(Standing.NoCase, "There is no such case.")]
    [InlineData(Standing.Active, "Only a paused case can be resumed; this one is Active.")]
    [InlineData(Standing.Closed, "Only a paused case can be resumed; this one is Closed.")]
    [InlineData(Standing.HandedToLegal, "Only a paused case can be resumed; this one is HandedToLegal.")]
    public void GivenACaseThatIsNotPaused_WhenResumed_ThenItIsRejected(Standing standing, string why)
    {
        Given(standing);

        When(new ResumeCase(Shanghai(11, 22, 11), Supervisor, ResumeReason));

        ThenRejected(why);
    }
}
