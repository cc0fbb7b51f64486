namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    [Fact]
    public void GivenAnActiveCase_WhenPausedUntilADate_ThenItPauses_AndWakesWhenThePauseEnds()
    {
        Given(Standing.Active);

        When(new PauseCase(PausedAt, Supervisor, "the debtor is in hospital", PausedUntil));

        Then(
            new CasePaused(PausedAt, Supervisor, "the debtor is in hospital", PausedUntil),
            new TimerArmed(PausedAt, "t5", PausedUntil));
        Assert.Equal(CaseStatus.Paused, After!.Status);
    }

    [Fact]
    public void GivenAnActiveCase_WhenPausedWithoutAnEnd_ThenNoTimerIsLeft()
    {
        Given(Standing.Active);

        When(new PauseCase(PausedAt, Supervisor, "waiting for the account manager"));

        Then(
            new CasePaused(PausedAt, Supervisor, "waiting for the account manager", null),
            new TimerArmed(PausedAt, "t5", null));
    }

    [Fact]
    public void GivenAnActiveCase_WhenThePauseWouldEndBeforeNow_ThenItIsRejected()
    {
        Given(Standing.Active);

        When(new PauseCase(PausedAt, Supervisor, "typo in the date", PausedAt));

        ThenRejected("A pause must end in the future.");
    }

    [Fact]
    public void GivenAPausedCase_WhenNothingElseHappens_ThenNoContactGoesOutUntilThePauseEnds()
    {
        Given(Standing.Paused);

        When(new FireTimer(Shanghai(11, 23, 9), "t4"));
        ThenNothing();

        WhenTheTimerFires(Shanghai(11, 24, 9));
        ThenTimer(PausedUntil);
        Assert.Empty(_emitted.OfType<ContactEvent>());
    }

    [Theory]
    [InlineData(Standing.NoCase, "There is no such case.")]
    [InlineData(Standing.Paused, "Only an active case can be paused; this one is Paused.")]
    [InlineData(Standing.Disputed, "Only an active case can be paused; this one is Paused.")]
    [InlineData(Standing.Closed, "Only an active case can be paused; this one is Closed.")]
    [InlineData(Standing.HandedToLegal, "Only an active case can be paused; this one is HandedToLegal.")]
    public void GivenACaseThatIsNotActive_WhenPaused_ThenItIsRejected(Standing standing, string why)
    {
        Given(standing);

        When(new PauseCase(Shanghai(11, 22, 11), Supervisor, "debtor asked for time", Shanghai(11, 30, 9)));

        ThenRejected(why);
    }
}
