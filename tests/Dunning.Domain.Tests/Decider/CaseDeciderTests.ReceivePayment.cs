namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private static readonly DateTimeOffset PaidAt = Shanghai(11, 22, 11);

    [Fact]
    public void GivenNoCase_WhenAPaymentArrives_ThenItIsRejected()
    {
        When(new ReceivePayment(PaidAt, "pay-1", Cny(100)));

        ThenRejected("There is no such case.");
    }

    [Fact]
    public void GivenAnActiveCase_WhenPartlyPaid_ThenTheOutstandingAmountFalls_AndTheCaseStaysOpen()
    {
        Given(Standing.Active);
        var receivedAt = Shanghai(11, 21, 18);

        When(new ReceivePayment(PaidAt, "pay-1", Cny(2_000), receivedAt));

        Then(new PaymentApplied(PaidAt, "pay-1", Cny(2_000), Cny(10_000), receivedAt));
        Assert.Equal((CaseStatus.Active, Cny(10_000), Cny(2_000)), (After!.Status, After.Outstanding, After.Recovered));
    }

    [Fact]
    public void GivenAnActiveCaseWithAContactWaiting_WhenPaidInFull_ThenTheWaitingContactIsCancelled_AndTheCaseClosesPaidInFull()
    {
        Given(ActiveCaseWithADeferredContact());

        When(new ReceivePayment(PaidAt, "pay-1", Amount));

        Then(
            new PaymentApplied(PaidAt, "pay-1", Amount, Cny(0), null),
            new PendingContactsCancelled(PaidAt, 1, "the case was paid in full"),
            new CaseClosed(PaidAt, ClosedReason.PaidInFull, Actor.System, "paid in full"),
            new TimerArmed(PaidAt, "t7", null));
        Assert.Empty(After!.PendingContacts);
    }

    [Fact]
    public void GivenAPartlyPaidCase_WhenTheRestArrives_ThenTheCaseClosesPaidInFull()
    {
        Given([.. ActiveCase(), new PaymentApplied(Shanghai(11, 21, 18), "pay-1", Cny(2_000), Cny(10_000), null)]);

        When(new ReceivePayment(PaidAt, "pay-2", Cny(10_000)));

        Then(
            new PaymentApplied(PaidAt, "pay-2", Cny(10_000), Cny(0), null),
            new CaseClosed(PaidAt, ClosedReason.PaidInFull, Actor.System, "paid in full"));
    }

    [Fact]
    public void GivenAnActiveCase_WhenOverpaid_ThenTheExcessIsRecordedAsCredit_AndTheCaseCloses()
    {
        Given(Standing.Active);

        When(new ReceivePayment(PaidAt, "pay-1", Cny(12_500)));

        Then(
            new PaymentApplied(PaidAt, "pay-1", Cny(12_500), Cny(-500), null),
            new CreditRecorded(PaidAt, "pay-1", Cny(500)),
            new CaseClosed(PaidAt, ClosedReason.PaidInFull, Actor.System, "paid in full"));
        Assert.Equal(Cny(500), After!.Credit);
    }

    [Fact]
    public void GivenAPaymentWasApplied_WhenTheSamePaymentIdArrivesAgain_ThenNothingHappens()
    {
        Given([.. ActiveCase(), new PaymentApplied(Shanghai(11, 21, 18), "pay-1", Cny(2_000), Cny(10_000), null)]);

        When(new ReceivePayment(PaidAt, "pay-1", Cny(2_000)));

        ThenNothing();
    }

    [Fact]
    public void GivenACaseInYuan_WhenAPaymentInDollarsArrives_ThenItIsRejected_AndTheBalanceIsUntouched()
    {
        Given(Standing.Active);

        When(new ReceivePayment(PaidAt, "pay-1", Usd(100)));

        Then(new PaymentRejected(PaidAt, "pay-1", Usd(100), "the case is in CNY, the payment in USD"));
        Assert.Equal(Amount, After!.Outstanding);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void GivenAnActiveCase_WhenAPaymentIsNotPositive_ThenItIsRejected(decimal amount)
    {
        Given(Standing.Active);

        When(new ReceivePayment(PaidAt, "pay-1", Cny(amount)));

        Then(new PaymentRejected(PaidAt, "pay-1", Cny(amount), "a payment must be positive"));
    }

    [Theory]
    [InlineData(Standing.Paused)]
    [InlineData(Standing.Disputed)]
    [InlineData(Standing.HandedToLegal)]
    public void GivenACaseOnHold_WhenPartlyPaid_ThenThePaymentIsApplied(Standing standing)
    {
        Given(standing);

        When(new ReceivePayment(PaidAt, "pay-1", Cny(2_000)));

        Then(new PaymentApplied(PaidAt, "pay-1", Cny(2_000), Cny(10_000), null));
        Assert.Equal(_state!.Status, After!.Status);
    }

    [Theory]
    [InlineData(Standing.Paused)]
    [InlineData(Standing.Disputed)]
    [InlineData(Standing.HandedToLegal)]
    public void GivenACaseOnHold_WhenPaidInFull_ThenItClosesPaidInFull(Standing standing)
    {
        Given(standing);

        When(new ReceivePayment(PaidAt, "pay-1", Amount));

        Then(
            new PaymentApplied(PaidAt, "pay-1", Amount, Cny(0), null),
            new CaseClosed(PaidAt, ClosedReason.PaidInFull, Actor.System, "paid in full"));
        Assert.Null(After!.Timer);
    }

    [Fact]
    public void GivenAClosedCase_WhenAPaymentArrives_ThenItIsStillApplied_AndTheCaseStaysClosedAsItWas()
    {
        Given(Standing.Closed);

        When(new ReceivePayment(PaidAt, "pay-1", Amount));

        Then(new PaymentApplied(PaidAt, "pay-1", Amount, Cny(0), null));
        Assert.Equal((CaseStatus.Closed, ClosedReason.Settled), (After!.Status, After.ClosedReason));
    }

    [Fact]
    public void GivenACasePaidInFull_WhenAnotherPaymentArrives_ThenItIsAppliedAsCredit()
    {
        Given(
            [
                .. ActiveCase(),
                new PaymentApplied(Shanghai(11, 21, 18), "pay-1", Amount, Cny(0), null),
                new CaseClosed(Shanghai(11, 21, 18), ClosedReason.PaidInFull, Actor.System, "paid in full"),
                new TimerArmed(Shanghai(11, 21, 18), "t5", null),
            ]);

        When(new ReceivePayment(PaidAt, "pay-2", Cny(300)));

        Then(
            new PaymentApplied(PaidAt, "pay-2", Cny(300), Cny(-300), null),
            new CreditRecorded(PaidAt, "pay-2", Cny(300)));
    }

    [Fact]
    public void GivenAPaymentBeforeTheDueDate_WhenTheSupervisorReportFalls_ThenTheClaimCountsTheLowerPrincipalFromTheDueDate()
    {
        Given(
            [
                .. LadderThrough("pre-due-reminder"),
                new PaymentApplied(Shanghai(11, 18, 10), "pay-1", Cny(2_000), Cny(10_000), null),
                Reached("due-day-reminder"),
                Reached("first-overdue"),
                Reached("field-visit"),
                new TimerArmed(Shanghai(11, 23, 9), "t2", Shanghai(11, 27, 9)),
            ]);
        var now = Shanghai(11, 27, 9);

        WhenTheTimerFires();

        // Interest runs on 10,000 CNY for 11-22..11-27 (6 days at 0.05 %), plus the late fee.
        Then(
            Reached("supervisor-report"),
            new SupervisorReportRequested(now, "supervisor-report", new ClaimBreakdown(Date(11, 27), Cny(10_000), Cny(30), Cny(50))),
            new EmailSent(now, "k1", "supervisor-report", null));
    }
}
