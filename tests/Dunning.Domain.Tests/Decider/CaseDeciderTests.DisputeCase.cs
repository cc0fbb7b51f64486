namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private const string DisputeReason = "the debtor says the goods never arrived";
    private static readonly DateTimeOffset DisputedAt = Shanghai(11, 22, 11);

    [Fact]
    public void GivenAnActiveCase_WhenDisputed_ThenCollectionStops_AndNoTimerIsLeft()
    {
        Given(Standing.Active);

        When(new DisputeCase(DisputedAt, Supervisor, DisputeReason));

        Then(
            new DisputeRaised(DisputedAt, Supervisor, DisputeReason),
            new TimerArmed(DisputedAt, "t5", null));
        Assert.Equal((CaseStatus.Paused, true), (After!.Status, After.Disputed));
    }

    [Fact]
    public void GivenADisputedCase_WhenTheTimerArmedBeforeTheDisputeFires_ThenNothingHappens_AndEscalationIsRefused()
    {
        Given(ActiveCaseWithADeferredContact());
        When(new DisputeCase(DisputedAt, Supervisor, DisputeReason));
        GivenTheOutcome();

        When(new FireTimer(Shanghai(11, 23, 9), "t6"));
        ThenNothing();

        When(new EscalateCase(Shanghai(11, 24, 10), Supervisor, "push on", "demand-notice"));
        ThenRejected("Only an active case can be escalated; this one is Paused.");

        // The waiting contact is kept for when the dispute is resolved, but nothing wakes the case for it.
        Assert.Single(_state!.PendingContacts);
        Assert.Null(_state.Timer);
    }

    [Fact]
    public void GivenAPausedCase_WhenDisputed_ThenThePauseNoLongerEndsByItself()
    {
        Given(Standing.Paused);

        When(new DisputeCase(DisputedAt, Supervisor, DisputeReason));

        Then(
            new DisputeRaised(DisputedAt, Supervisor, DisputeReason),
            new TimerArmed(DisputedAt, "t6", null));
        Assert.Null(After!.PausedUntil);
    }

    [Theory]
    [InlineData(Standing.NoCase, "There is no such case.")]
    [InlineData(Standing.Disputed, "The case is already disputed.")]
    [InlineData(Standing.Closed, "A closed case cannot be disputed; this one is Closed.")]
    [InlineData(Standing.HandedToLegal, "A closed case cannot be disputed; this one is HandedToLegal.")]
    public void GivenACaseThatCannotBeDisputed_WhenDisputed_ThenItIsRejected(Standing standing, string why)
    {
        Given(standing);

        When(new DisputeCase(DisputedAt, Supervisor, DisputeReason));

        ThenRejected(why);
    }
}
