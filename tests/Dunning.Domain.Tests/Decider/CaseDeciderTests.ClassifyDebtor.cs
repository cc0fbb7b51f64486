namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private const string ClassifyReason = "judged on the first call";
    private const string HoldForPlan = "a willing but unable debtor gets time to agree a repayment plan";
    private const string HoldForPlanOnResume = "a willing but unable debtor gets time to agree a repayment plan once the case resumes";
    private static readonly DateTimeOffset ClassifiedAt = Shanghai(11, 21, 10);

    private static ClassifyDebtor Classify(DateTimeOffset now, Willingness willingness, Ability ability) =>
        new(now, Supervisor, ClassifyReason, willingness, ability);

    [Fact]
    public void GivenAnActiveCase_WhenTheDebtorIsWillingAndAble_ThenTheFieldVisitIsSkipped_AndLegalWaitsUntilDaySixty()
    {
        Given(Standing.Active);

        When(Classify(ClassifiedAt, Willingness.Willing, Ability.Able));

        Then(
            new DebtorClassified(ClassifiedAt, DebtorType.WillingAble, Supervisor, ClassifyReason),
            new TimerArmed(ClassifiedAt, "t5", Shanghai(11, 27, 9)));
        Assert.Equal(DueDate.AddDays(60), Ladder.StepDate(After!, _policy, IndexOf("legal-handoff")));

        GivenTheOutcome();
        WhenTheTimerFires();

        var now = Shanghai(11, 27, 9);
        Then(
            new StepSkipped(now, "field-visit", 3, "the WillingAble track skips it"),
            Reached("supervisor-report"),
            new SupervisorReportRequested(now, "supervisor-report", Claim(Date(11, 27), 36)),
            new EmailSent(now, "k7", "supervisor-report", null),
            new TimerArmed(now, "t6", Shanghai(12, 4, 9)));
    }

    [Fact]
    public void GivenAnActiveCase_WhenTheDebtorIsWillingButUnable_ThenEscalationHoldsAWeekForAPlan_ThenGoesOnWithoutOne()
    {
        Given(Standing.Active);
        var weekLater = Shanghai(11, 28, 10);

        When(Classify(ClassifiedAt, Willingness.Willing, Ability.Unable));

        Then(
            new DebtorClassified(ClassifiedAt, DebtorType.WillingUnable, Supervisor, ClassifyReason),
            new EscalationHeld(ClassifiedAt, weekLater, HoldForPlan),
            new TimerArmed(ClassifiedAt, "t5", weekLater));

        GivenTheOutcome();
        WhenTheTimerFires();

        // No plan came: the field visit moves to today, a Saturday, so the visit itself waits for Monday.
        Then(
            new EscalationHoldEnded(weekLater, "no repayment plan was agreed in time"),
            new LadderRebased(weekLater, Date(11, 25), "the hold for a repayment plan ended"),
            new StepReached(weekLater, "field-visit", 3, Shanghai(11, 28, 9)),
            new ContactDeferred(weekLater, "field-visit", StepAction.Visit, Shanghai(11, 30, 9), OutsideShanghaiVisitHours),
            new TimerArmed(weekLater, "t6", Shanghai(11, 30, 9)));
    }

    [Fact]
    public void GivenAnActiveCase_WhenTheDebtorIsUnwillingButAble_ThenEscalationIsAccelerated()
    {
        Given(Standing.Active);

        When(Classify(ClassifiedAt, Willingness.Unwilling, Ability.Able));

        // The field visit moves from D+3 to D+2; the later steps come at D+5, D+7, D+10 and D+15.
        Then(
            new DebtorClassified(ClassifiedAt, DebtorType.UnwillingAble, Supervisor, ClassifyReason),
            new TimerArmed(ClassifiedAt, "t5", Shanghai(11, 22, 9)));
        Assert.Equal(
            [Date(11, 22), Date(11, 25), Date(11, 27), Date(11, 30), Date(12, 5)],
            Enumerable.Range(3, 5).Select(i => Ladder.StepDate(After!, _policy, i)));
    }

    [Fact]
    public void GivenAnActiveCase_WhenTheDebtorIsUnwillingAndUnable_ThenTheLegalHandOffIsDueNow_AndTheNextTimerHandsTheCaseOver()
    {
        Given(Standing.Active);
        var now = Shanghai(11, 24, 10);

        When(Classify(now, Willingness.Unwilling, Ability.Unable));

        Then(
            new DebtorClassified(now, DebtorType.UnwillingUnable, Supervisor, ClassifyReason),
            new LadderRebased(now, Date(10, 25), UnwillingUnableJump),
            new TimerArmed(now, "t5", now));

        GivenTheOutcome();
        WhenTheTimerFires();

        Then(
            new StepSkipped(now, "field-visit", 3, UnwillingUnableJump),
            new StepSkipped(now, "supervisor-report", 4, UnwillingUnableJump),
            new StepSkipped(now, "demand-notice", 5, UnwillingUnableJump),
            new StepSkipped(now, "lawyer-letter", 6, UnwillingUnableJump),
            new StepReached(now, "legal-handoff", 7, Shanghai(11, 24, 9)),
            new CaseHandedToLegal(now, "legal-handoff", Claim(Date(11, 24), 18)),
            new TimerArmed(now, "t6", null));
    }

    [Fact]
    public void GivenAPausedCase_WhenTheDebtorIsWillingButUnable_ThenThePlanHoldIsOwed_AndThePauseStillDecidesTheTimer()
    {
        Given(Standing.Paused);
        var now = Shanghai(11, 22, 11);

        When(Classify(now, Willingness.Willing, Ability.Unable));

        Then(
            new DebtorClassified(now, DebtorType.WillingUnable, Supervisor, ClassifyReason),
            new EscalationHoldDeferred(now, HoldForPlanOnResume));
        ThenNoNewTimer();
    }

    [Fact]
    public void GivenAWillingButUnableDebtorClassifiedDuringAPause_WhenThePauseEnds_ThenEscalationHoldsAWeekFromThen()
    {
        Given(Standing.Paused);
        When(Classify(Shanghai(11, 22, 11), Willingness.Willing, Ability.Unable));
        GivenTheOutcome();
        var weekLater = PausedUntil.AddDays(7);

        WhenTheTimerFires();

        // Without the hold the field visit (moved to today) would be taken now.
        Then(
            new CaseResumed(PausedUntil, Actor.System, "the pause ended"),
            new EscalationHeld(PausedUntil, weekLater, HoldForPlan),
            new LadderRebased(PausedUntil, Date(11, 22), "resumed after a pause"),
            new TimerArmed(PausedUntil, "t6", weekLater));
    }

    [Fact]
    public void GivenAWillingButUnableDebtorClassifiedDuringADispute_WhenASupervisorResumesTheCase_ThenEscalationHoldsAWeekFromThen()
    {
        Given(Standing.Disputed);
        When(Classify(Shanghai(11, 22, 11), Willingness.Willing, Ability.Unable));
        GivenTheOutcome();
        var now = Shanghai(11, 26, 10);

        When(new ResumeCase(now, Supervisor, ResumeReason));

        Then(
            new CaseResumed(now, Supervisor, ResumeReason),
            new EscalationHeld(now, now.AddDays(7), HoldForPlan),
            new LadderRebased(now, Date(11, 23), "resumed by a supervisor"),
            new TimerArmed(now, "t6", now.AddDays(7)));
    }

    [Fact]
    public void GivenAPlanHoldOwedDuringAPause_WhenAPlanIsAgreedBeforeTheCaseResumes_ThenNoHoldStartsOnResume()
    {
        Given(Standing.Paused);
        When(Classify(Shanghai(11, 22, 11), Willingness.Willing, Ability.Unable));
        GivenTheOutcome();
        When(new AgreePlan(Shanghai(11, 23, 10), Supervisor, "two installments", [new(Date(11, 30), Cny(6_000)), new(Date(12, 30), Cny(6_000))]));
        GivenTheOutcome();
        var now = Shanghai(11, 24, 10);

        When(new ResumeCase(now, Supervisor, ResumeReason));

        Assert.Empty(_emitted.OfType<EscalationHeld>());
        Assert.Equal((null, false), (After!.HoldUntil, After.HoldOnResume));
    }

    [Fact]
    public void GivenADisputedCase_WhenTheDebtorIsClassified_ThenTheTypeIsRecorded()
    {
        Given(Standing.Disputed);
        var now = Shanghai(11, 22, 11);

        When(Classify(now, Willingness.Unwilling, Ability.Able));

        Then(new DebtorClassified(now, DebtorType.UnwillingAble, Supervisor, ClassifyReason));
        ThenNoNewTimer();
    }

    [Theory]
    [InlineData(Standing.NoCase, "There is no such case.")]
    [InlineData(Standing.Closed, "Only an open case can be classified; this one is Closed.")]
    [InlineData(Standing.HandedToLegal, "Only an open case can be classified; this one is HandedToLegal.")]
    public void GivenACaseThatIsNotOpen_WhenTheDebtorIsClassified_ThenItIsRejected(Standing standing, string why)
    {
        Given(standing);

        When(Classify(Shanghai(11, 22, 11), Willingness.Willing, Ability.Able));

        ThenRejected(why);
    }
}
