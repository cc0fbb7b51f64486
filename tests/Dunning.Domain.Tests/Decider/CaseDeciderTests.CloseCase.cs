namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private static readonly DateTimeOffset ClosedAt = Shanghai(11, 22, 11);

    private static CloseCase Close(ClosedReason reason) => new(ClosedAt, Supervisor, $"closing as {reason}", reason);

    [Theory]
    [InlineData(ClosedReason.Settled)]
    [InlineData(ClosedReason.WrittenOff)]
    [InlineData(ClosedReason.Cancelled)]
    public void GivenAnActiveCase_WhenClosed_ThenItClosesWithThatReason_AndNoTimerIsLeft(ClosedReason reason)
    {
        Given(Standing.Active);

        When(Close(reason));

        Then(
            new CaseClosed(ClosedAt, reason, Supervisor, $"closing as {reason}"),
            new TimerArmed(ClosedAt, "t5", null));
        Assert.Equal((CaseStatus.Closed, reason), (After!.Status, After.ClosedReason));
    }

    [Fact]
    public void GivenAnActiveCaseWithAContactWaiting_WhenClosed_ThenTheWaitingContactIsCancelled()
    {
        Given(ActiveCaseWithADeferredContact());

        When(Close(ClosedReason.WrittenOff));

        Then(
            new PendingContactsCancelled(ClosedAt, 1, "the case was closed"),
            new CaseClosed(ClosedAt, ClosedReason.WrittenOff, Supervisor, "closing as WrittenOff"));
    }

    [Fact]
    public void GivenAnActiveCase_WhenClosedAsPaidInFullByHand_ThenItIsRejected()
    {
        Given(Standing.Active);

        When(Close(ClosedReason.PaidInFull));

        ThenRejected("PaidInFull is set by payments, not by hand; use Settled for an agreed lesser sum.");
    }

    [Theory]
    [InlineData(Standing.Paused)]
    [InlineData(Standing.Disputed)]
    [InlineData(Standing.HandedToLegal)]
    public void GivenACaseOnHoldOrWithLegal_WhenSettled_ThenItCloses(Standing standing)
    {
        Given(standing);

        When(Close(ClosedReason.Settled));

        Then(new CaseClosed(ClosedAt, ClosedReason.Settled, Supervisor, "closing as Settled"));
        Assert.Equal(CaseStatus.Closed, After!.Status);
        Assert.Null(After.Timer);
    }

    [Theory]
    [InlineData(Standing.NoCase, "There is no such case.")]
    [InlineData(Standing.Closed, "The case is already closed (Settled).")]
    public void GivenNoOpenCase_WhenClosed_ThenItIsRejected(Standing standing, string why)
    {
        Given(standing);

        When(Close(ClosedReason.Cancelled));

        ThenRejected(why);
    }
}
