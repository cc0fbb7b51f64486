namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private const string PromiseReason = "will pay after payday";
    private const string GoesOnAfterPromise = "escalation goes on after a promise to pay";
    private static readonly DateTimeOffset PromisedAt = Shanghai(11, 22, 10);
    private static readonly DateOnly PromiseDate = Date(11, 30);

    /// <summary>Promise date plus two grace days, at the end of the day: midnight starting 12-03.</summary>
    private static readonly DateTimeOffset PromiseHold = Shanghai(12, 3, 0);

    /// <summary>The active case with a promise of 5,000 CNY by 11-30 taken on 11-22 (t5 waits for the hold to end).</summary>
    private CaseEvent[] ActiveCaseWithAPromise() =>
    [
        .. ActiveCase(),
        new PromiseRecorded(PromisedAt, Cny(5_000), PromiseDate, PromiseHold, Collector, PromiseReason),
        new TimerArmed(PromisedAt, "t5", PromiseHold),
    ];

    private RecordPromise Promise(DateTimeOffset now, decimal amount, DateOnly date) => new(now, Collector, PromiseReason, Cny(amount), date);

    [Fact]
    public void GivenAnActiveCase_WhenAPromiseIsRecorded_ThenEscalationWaitsUntilThePromiseDateAndGraceHavePassed()
    {
        Given(Standing.Active);

        When(Promise(PromisedAt, 5_000, PromiseDate));

        Then(
            new PromiseRecorded(PromisedAt, Cny(5_000), PromiseDate, PromiseHold, Collector, PromiseReason),
            new TimerArmed(PromisedAt, "t5", PromiseHold));
        Assert.True(After!.IsHeld(Shanghai(11, 23, 9)));
    }

    [Fact]
    public void GivenAPromise_WhenThePromisedAmountIsPaidInTime_ThenThePromiseIsKept_AndWhenTheHoldEndsEscalationGoesOn()
    {
        Given(ActiveCaseWithAPromise());
        var paidAt = Shanghai(11, 29, 10);

        When(new ReceivePayment(paidAt, "pay-1", Cny(5_000)));

        Then(
            new PaymentApplied(paidAt, "pay-1", Cny(5_000), Cny(7_000), null),
            new PromiseKept(paidAt, Cny(5_000)));

        GivenTheOutcome();
        WhenTheTimerFires();

        // 7,000 CNY is still owed: the field visit, missed on 11-23, falls due today at nine.
        Then(
            new PromiseHoldEnded(PromiseHold),
            new LadderRebased(PromiseHold, Date(11, 30), GoesOnAfterPromise),
            new TimerArmed(PromiseHold, "t6", Shanghai(12, 3, 9)));
        Assert.Null(After!.Promise);
    }

    [Fact]
    public void GivenAPromise_WhenPaymentsReachTheAmountOnlyTogether_ThenThePromiseIsKeptOnce()
    {
        Given([.. ActiveCaseWithAPromise(), new PaymentApplied(Shanghai(11, 25, 10), "pay-1", Cny(3_000), Cny(9_000), null)]);
        var now = Shanghai(11, 28, 10);

        When(new ReceivePayment(now, "pay-2", Cny(2_000)));
        Then(new PaymentApplied(now, "pay-2", Cny(2_000), Cny(7_000), null), new PromiseKept(now, Cny(5_000)));

        GivenTheOutcome();
        When(new ReceivePayment(Shanghai(11, 29, 10), "pay-3", Cny(1_000)));
        Then(new PaymentApplied(Shanghai(11, 29, 10), "pay-3", Cny(1_000), Cny(6_000), null));
    }

    [Fact]
    public void GivenAWillingDebtorsPromise_WhenTheHoldEndsUnpaid_ThenThePromiseIsBroken_TheDebtorIsReclassified_AndEscalationResumes()
    {
        Given(
            [
                .. ActiveCase(),
                new DebtorClassified(Shanghai(11, 21, 10), DebtorType.WillingAble, Supervisor, "forgot the date"),
                new TimerArmed(Shanghai(11, 21, 10), "t5", Shanghai(11, 27, 9)),
                new PromiseRecorded(PromisedAt, Cny(5_000), PromiseDate, PromiseHold, Collector, PromiseReason),
                new TimerArmed(PromisedAt, "t6", PromiseHold),
                new PaymentApplied(Shanghai(11, 29, 10), "pay-1", Cny(1_000), Cny(11_000), null),
            ]);
        var now = PromiseHold;

        WhenTheTimerFires();

        // Unwilling and able: the field visit the willing track skipped is back, at D+2, moved to today.
        Then(
            new PromiseBroken(now, Cny(5_000), PromiseDate, Cny(1_000)),
            new DebtorClassified(now, DebtorType.UnwillingAble, Actor.System, "a promise to pay was broken"),
            new LadderRebased(now, Date(12, 1), GoesOnAfterPromise),
            new TimerArmed(now, "t7", Shanghai(12, 3, 9)));
        Assert.Equal((1, DebtorType.UnwillingAble), (After!.BrokenPromises, After.DebtorType));

        GivenTheOutcome();
        WhenTheTimerFires();

        Then(
            new StepReached(Shanghai(12, 3, 9), "field-visit", 3, Shanghai(12, 3, 9)),
            new VisitScheduled(Shanghai(12, 3, 9), "k7", "field-visit", LiWei.Address));
    }

    [Fact]
    public void GivenAWillingButUnableDebtorsPromise_WhenItIsBroken_ThenTheDebtorTurnsUnwillingAndUnable_AndTheCaseHeadsForLegal()
    {
        Given(Standing.Active);
        Decided(new ClassifyDebtor(Shanghai(11, 21, 10), Supervisor, "lost her job", Willingness.Willing, Ability.Unable));
        Decided(Promise(PromisedAt, 5_000, PromiseDate));

        // The week to agree a plan ends first; the promise still holds escalation.
        WhenTheTimerFires();
        Then(
            new EscalationHoldEnded(Shanghai(11, 28, 10), "no repayment plan was agreed in time"),
            new LadderRebased(Shanghai(11, 28, 10), Date(11, 25), "the hold for a repayment plan ended"),
            new TimerArmed(Shanghai(11, 28, 10), "t6", PromiseHold));

        GivenTheOutcome();
        WhenTheTimerFires();
        Then(
            new PromiseBroken(PromiseHold, Cny(5_000), PromiseDate, Cny(0)),
            new DebtorClassified(PromiseHold, DebtorType.UnwillingUnable, Actor.System, "a promise to pay was broken"),
            new LadderRebased(PromiseHold, Date(11, 3), UnwillingUnableJump),
            new TimerArmed(PromiseHold, "t7", Shanghai(12, 3, 9)));

        GivenTheOutcome();
        WhenTheTimerFires();
        Assert.Equal(CaseStatus.HandedToLegal, After!.Status);
    }

    [Fact]
    public void GivenAnUnclassifiedDebtorsPromise_WhenItIsBroken_ThenNoTypeIsGuessed()
    {
        Given(ActiveCaseWithAPromise());

        WhenTheTimerFires();

        Then(
            new PromiseBroken(PromiseHold, Cny(5_000), PromiseDate, Cny(0)),
            new LadderRebased(PromiseHold, Date(11, 30), GoesOnAfterPromise));
    }

    [Theory]
    [InlineData(5_000, "USD", "2026-11-30", "A promise must be a positive amount in CNY.")]
    [InlineData(0, "CNY", "2026-11-30", "A promise must be a positive amount in CNY.")]
    [InlineData(12_001, "CNY", "2026-11-30", "A promise of 12001.00 CNY exceeds the outstanding 12000.00 CNY.")]
    [InlineData(5_000, "CNY", "2026-11-21", "A promise date must fall between 2026-11-22 and 2027-01-21.")]
    [InlineData(5_000, "CNY", "2027-01-22", "A promise date must fall between 2026-11-22 and 2027-01-21.")]
    public void GivenAnActiveCase_WhenAnImpossiblePromiseIsRecorded_ThenItIsRejected(decimal amount, string currency, string date, string why)
    {
        Given(Standing.Active);

        When(new RecordPromise(PromisedAt, Collector, PromiseReason, new Money(amount, currency),
            DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

        ThenRejected(why);
    }

    [Fact]
    public void GivenARepaymentPlan_WhenAPromiseIsRecorded_ThenItIsRejected()
    {
        Given(ActiveCaseWithAPlan());

        When(Promise(Shanghai(11, 23, 10), 1_000, PromiseDate));

        ThenRejected("A repayment plan is running; a promise cannot replace it.");
    }

    [Fact]
    public void GivenAPausedCase_WhenAPromiseIsRecorded_ThenItIsKept_AndThePauseStillDecidesTheTimer()
    {
        Given(Standing.Paused);

        When(Promise(PromisedAt, 5_000, PromiseDate));

        Then(new PromiseRecorded(PromisedAt, Cny(5_000), PromiseDate, PromiseHold, Collector, PromiseReason));
        ThenNoNewTimer();
    }

    [Fact]
    public void GivenADisputedCase_WhenAPromiseIsRecorded_ThenItIsRejectedUntilTheDisputeIsResolved()
    {
        Given(Standing.Disputed);

        When(Promise(PromisedAt, 5_000, PromiseDate));

        ThenRejected("The debt is disputed; a promise to pay it waits until the dispute is resolved.");
    }

    [Fact]
    public void GivenADisputeThatWasResolved_WhenAPromiseIsRecorded_ThenItIsKept()
    {
        Given(Standing.Disputed);
        When(new ResumeCase(Shanghai(11, 22, 10), Supervisor, "the payment to the old account was not found"));
        GivenTheOutcome();

        When(Promise(PromisedAt, 5_000, PromiseDate));

        Then(new PromiseRecorded(PromisedAt, Cny(5_000), PromiseDate, PromiseHold, Collector, PromiseReason));
    }

    [Theory]
    [InlineData(Standing.NoCase, "There is no such case.")]
    [InlineData(Standing.Closed, "A promise needs an open case; this one is Closed.")]
    [InlineData(Standing.HandedToLegal, "A promise needs an open case; this one is HandedToLegal.")]
    public void GivenACaseThatIsNotOpen_WhenAPromiseIsRecorded_ThenItIsRejected(Standing standing, string why)
    {
        Given(standing);

        When(Promise(Shanghai(11, 22, 11), 5_000, PromiseDate));

        ThenRejected(why);
    }
}
