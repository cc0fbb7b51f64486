namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private const string PlanReason = "three monthly installments";
    private static readonly DateTimeOffset PlanAt = Shanghai(11, 22, 10);

    private static readonly Installment[] ThreeInstallments =
    [
        new(Date(12, 1), Cny(4_000)),
        new(new DateOnly(2027, 1, 1), Cny(4_000)),
        new(new DateOnly(2027, 2, 1), Cny(4_000)),
    ];

    /// <summary>The first installment counts as missed once its date and three grace days have passed.</summary>
    private static readonly DateTimeOffset FirstInstallmentCheck = Shanghai(12, 5, 0);

    /// <summary>The active case with <see cref="ThreeInstallments"/> agreed on 11-22 (t5 waits for the first check).</summary>
    private CaseEvent[] ActiveCaseWithAPlan() =>
    [
        .. ActiveCase(),
        new PlanAgreed(PlanAt, ThreeInstallments, Supervisor, PlanReason),
        new TimerArmed(PlanAt, "t5", FirstInstallmentCheck),
    ];

    private AgreePlan Plan(DateTimeOffset now, params Installment[] installments) => new(now, Supervisor, PlanReason, installments);

    [Fact]
    public void GivenAnActiveCase_WhenAPlanIsAgreed_ThenEscalationWaits_AndTheFirstInstallmentIsWatched()
    {
        Given(Standing.Active);

        When(Plan(PlanAt, ThreeInstallments));

        Then(
            new PlanAgreed(PlanAt, ThreeInstallments, Supervisor, PlanReason),
            new TimerArmed(PlanAt, "t5", FirstInstallmentCheck));
    }

    [Fact]
    public void GivenAPromise_WhenAPlanIsAgreed_ThenThePromiseGivesWayToThePlan()
    {
        Given(ActiveCaseWithAPromise());
        var now = Shanghai(11, 23, 10);

        When(Plan(now, ThreeInstallments));

        Then(
            new PromiseHoldEnded(now),
            new PlanAgreed(now, ThreeInstallments, Supervisor, PlanReason),
            new TimerArmed(now, "t6", FirstInstallmentCheck));
    }

    [Fact]
    public void GivenAWillingButUnableDebtorOnHold_WhenAPlanIsAgreed_ThenTheHoldGivesWayToThePlan()
    {
        Given(
            [
                .. ActiveCase(),
                new DebtorClassified(Shanghai(11, 21, 10), DebtorType.WillingUnable, Supervisor, "lost her job"),
                new EscalationHeld(Shanghai(11, 21, 10), Shanghai(11, 28, 10), HoldForPlan),
                new TimerArmed(Shanghai(11, 21, 10), "t5", Shanghai(11, 28, 10)),
            ]);

        When(Plan(PlanAt, ThreeInstallments));

        Then(
            new PlanAgreed(PlanAt, ThreeInstallments, Supervisor, PlanReason),
            new TimerArmed(PlanAt, "t6", FirstInstallmentCheck));
        Assert.Null(After!.HoldUntil);
    }

    [Fact]
    public void GivenAPlan_WhenTheFirstInstallmentWasPaid_ThenItIsMet_AndTheNextOneIsWatched()
    {
        Given([.. ActiveCaseWithAPlan(), new PaymentApplied(Shanghai(11, 30, 10), "pay-1", Cny(4_000), Cny(8_000), null)]);

        WhenTheTimerFires();

        Then(
            new InstallmentMet(FirstInstallmentCheck, 0, Date(12, 1)),
            new TimerArmed(FirstInstallmentCheck, "t6", new DateTimeOffset(2027, 1, 5, 0, 0, 0, ChinaStandardTime)));
    }

    [Fact]
    public void GivenAPlan_WhenTheFirstInstallmentWentUnpaid_ThenItIsMissed_AndEscalationReopensWhereItStood()
    {
        Given([.. ActiveCaseWithAPlan(), new PaymentApplied(Shanghai(11, 30, 10), "pay-1", Cny(1_500), Cny(10_500), null)]);

        WhenTheTimerFires();

        // The field visit (due 11-23) comes due today; 12-05 is a Saturday, so the visit itself will wait for Monday.
        Then(
            new InstallmentMissed(FirstInstallmentCheck, 0, Date(12, 1), Cny(4_000), Cny(1_500)),
            new LadderRebased(FirstInstallmentCheck, Date(12, 2), "an installment of the repayment plan was missed"),
            new TimerArmed(FirstInstallmentCheck, "t6", Shanghai(12, 5, 9)));
        Assert.Null(After!.Plan);
    }

    [Fact]
    public void GivenAPlan_WhenThePaymentsComplete_ThenTheCaseClosesPaidInFull()
    {
        Given([.. ActiveCaseWithAPlan(), new PaymentApplied(Shanghai(11, 30, 10), "pay-1", Cny(8_000), Cny(4_000), null)]);
        var now = Shanghai(12, 2, 10);

        When(new ReceivePayment(now, "pay-2", Cny(4_000)));

        Then(
            new PaymentApplied(now, "pay-2", Cny(4_000), Cny(0), null),
            new CaseClosed(now, ClosedReason.PaidInFull, Actor.System, "paid in full"),
            new TimerArmed(now, "t6", null));
    }

    public static TheoryData<Installment[], string> ImpossiblePlans => new()
    {
        { [], "A repayment plan needs at least one installment." },
        { [new(Date(12, 1), Cny(4_000))], "Installments add up to 4000.00 CNY but 12000.00 CNY is outstanding." },
        { [new(Date(12, 1), Usd(12_000))], "Every installment must be a positive amount in CNY." },
        { [new(Date(12, 1), Cny(12_500)), new(Date(12, 15), Cny(-500))], "Every installment must be a positive amount in CNY." },
        { [new(Date(11, 21), Cny(12_000))], "Installment dates must be today or later and strictly increasing." },
        { [new(Date(12, 1), Cny(6_000)), new(Date(12, 1), Cny(6_000))], "Installment dates must be today or later and strictly increasing." },
        { [new(Date(12, 1), Cny(6_000)), new(new DateOnly(2028, 11, 23), Cny(6_000))], "A plan may run at most 24 months (until 2028-11-22)" },
    };

    [Theory]
    [MemberData(nameof(ImpossiblePlans))]
    public void GivenAnActiveCase_WhenAnImpossiblePlanIsAgreed_ThenItIsRejected(Installment[] installments, string why)
    {
        Given(Standing.Active);

        When(Plan(PlanAt, installments));

        ThenRejected(why);
    }

    [Fact]
    public void GivenAnActiveCase_WhenAPlanEndsOnTheLastDayOfTwentyFourMonths_ThenItIsAgreed()
    {
        Given(Standing.Active);
        Installment[] installments = [new(Date(12, 1), Cny(6_000)), new(new DateOnly(2028, 11, 22), Cny(6_000))];

        When(Plan(PlanAt, installments));

        Then(new PlanAgreed(PlanAt, installments, Supervisor, PlanReason));
    }

    [Theory]
    [InlineData(Standing.Paused)]
    [InlineData(Standing.Disputed)]
    public void GivenAPausedCase_WhenAPlanIsAgreed_ThenItIsKept(Standing standing)
    {
        Given(standing);

        When(Plan(PlanAt, ThreeInstallments));

        Then(new PlanAgreed(PlanAt, ThreeInstallments, Supervisor, PlanReason));
    }

    [Theory]
    [InlineData(Standing.NoCase, "There is no such case.")]
    [InlineData(Standing.Closed, "A repayment plan needs an open case; this one is Closed.")]
    [InlineData(Standing.HandedToLegal, "A repayment plan needs an open case; this one is HandedToLegal.")]
    public void GivenACaseThatIsNotOpen_WhenAPlanIsAgreed_ThenItIsRejected(Standing standing, string why)
    {
        Given(standing);

        When(Plan(Shanghai(11, 22, 11), ThreeInstallments));

        ThenRejected(why);
    }
}
