namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private const string EscalateReason = "the debtor hung up on the collector";
    private const string JumpedOver = "jumped over by a supervisor";

    private EscalateCase Escalate(DateTimeOffset now, string? toStep = null) => new(now, Supervisor, EscalateReason, toStep);

    [Fact]
    public void GivenAnActiveCase_WhenEscalatedToTheNextStep_ThenItIsTakenNow_AndLaterStepsFollowFromToday()
    {
        Given(LadderThrough("due-day-reminder"));
        var now = Shanghai(11, 20, 15);

        When(Escalate(now));

        Then(
            new CaseEscalated(now, Supervisor, EscalateReason, "first-overdue"),
            new LadderRebased(now, Date(11, 19), "escalated to first-overdue"),
            new StepReached(now, "first-overdue", 2, now),
            new SmsSent(now, "k1", "first-overdue", null),
            new EmailSent(now, "k2", "first-overdue", null),
            new CallTaskCreated(now, "k3", "first-overdue"),
            new TimerArmed(now, "t2", Shanghai(11, 22, 9)));
    }

    [Fact]
    public void GivenAnActiveCase_WhenEscalatedStraightToTheDemandNotice_ThenTheStepsBetweenAreSkipped_AndTheNoticeGoesNow()
    {
        Given(Standing.Active);
        var now = Shanghai(11, 24, 10);

        When(Escalate(now, "demand-notice"));

        Then(
            new CaseEscalated(now, Supervisor, EscalateReason, "demand-notice"),
            new LadderRebased(now, Date(11, 10), "escalated to demand-notice"),
            new StepSkipped(now, "field-visit", 3, JumpedOver),
            new StepSkipped(now, "supervisor-report", 4, JumpedOver),
            new StepReached(now, "demand-notice", 5, now),
            new NoticeIssued(now, "k7", "demand-notice", StepAction.DemandNotice, Date(12, 1), Claim(Date(11, 24), 18)),
            new TimerArmed(now, "t5", Shanghai(12, 1, 9)));
    }

    [Fact]
    public void GivenAnActiveCase_WhenEscalatedAtElevenAtNight_ThenTheReportGoesNow_AndTheEmailIsDeferredToEight_AndALaterTimerSendsIt()
    {
        Given(Standing.Active);
        var now = Shanghai(11, 24, 23);
        var eight = Shanghai(11, 25, 8);

        When(Escalate(now, "supervisor-report"));

        Then(
            new CaseEscalated(now, Supervisor, EscalateReason, "supervisor-report"),
            new LadderRebased(now, Date(11, 17), "escalated to supervisor-report"),
            new StepSkipped(now, "field-visit", 3, JumpedOver),
            new StepReached(now, "supervisor-report", 4, now),
            new SupervisorReportRequested(now, "supervisor-report", Claim(Date(11, 24), 18)),
            new ContactDeferred(now, "supervisor-report", StepAction.Email, eight, OutsideShanghaiWindow),
            new TimerArmed(now, "t5", eight));

        GivenTheOutcome();
        WhenTheTimerFires();

        Then(
            new EmailSent(eight, "k7", "supervisor-report", null),
            new TimerArmed(eight, "t6", Shanghai(12, 1, 9)));
    }

    [Fact]
    public void GivenANewYorkDebtor_WhenEscalatedLateOnTheNightTheClocksGoBack_ThenContactsWaitForEightStandardTime()
    {
        var opened = Instant("2026-10-20T10:00:00-04:00");
        var preDue = Instant("2026-10-30T09:00:00-04:00");
        Given(
            Opened(opened, Usd(1_200), JaneRoe, new DateOnly(2026, 11, 2)),
            new TimerArmed(opened, "t1", preDue),
            new StepReached(preDue, "pre-due-reminder", 0, preDue),
            new SmsSent(preDue, "k1", "pre-due-reminder", null),
            new TimerArmed(preDue, "t2", Instant("2026-11-02T09:00:00-05:00")));
        var now = Instant("2026-10-31T22:00:00-04:00");
        var eight = Instant("2026-11-01T08:00:00-05:00");
        const string outsideNewYorkWindow = "outside the contact window 08:00-21:00 (America/New_York)";

        When(Escalate(now));

        Then(
            new CaseEscalated(now, Supervisor, EscalateReason, "due-day-reminder"),
            new LadderRebased(now, new DateOnly(2026, 10, 31), "escalated to due-day-reminder"),
            new StepReached(now, "due-day-reminder", 1, now),
            new ContactDeferred(now, "due-day-reminder", StepAction.Sms, eight, outsideNewYorkWindow),
            new ContactDeferred(now, "due-day-reminder", StepAction.Email, eight, outsideNewYorkWindow),
            new TimerArmed(now, "t3", eight));
        Assert.Equal(TimeSpan.FromHours(-5), Emitted<TimerArmed>().DueAt!.Value.Offset);
    }

    [Fact]
    public void GivenADebtorHeldForAPlan_WhenEscalated_ThenTheHoldEnds_AndTheStepIsTaken()
    {
        Given(
            [
                .. ActiveCase(),
                new DebtorClassified(Shanghai(11, 21, 10), DebtorType.WillingUnable, Supervisor, "lost her job"),
                new EscalationHeld(Shanghai(11, 21, 10), Shanghai(11, 28, 10), HoldForPlan),
                new TimerArmed(Shanghai(11, 21, 10), "t5", Shanghai(11, 28, 10)),
            ]);
        var now = Shanghai(11, 23, 10);

        When(Escalate(now));

        Then(
            new CaseEscalated(now, Supervisor, EscalateReason, "field-visit"),
            new EscalationHoldEnded(now, "escalated by a supervisor"),
            new StepReached(now, "field-visit", 3, now),
            new VisitScheduled(now, "k7", "field-visit", LiWei.Address),
            new TimerArmed(now, "t6", Shanghai(11, 27, 9)));
    }

    [Fact]
    public void GivenAnActiveCase_WhenEscalatedToAStepThePolicyLacks_ThenItIsRejected()
    {
        Given(Standing.Active);

        When(Escalate(Shanghai(11, 22, 11), "small-claims-court"));

        ThenRejected("Policy default v1 has no step 'small-claims-court'.");
    }

    [Fact]
    public void GivenAnActiveCase_WhenEscalatedBackToAStepAlreadyTaken_ThenItIsRejected()
    {
        Given(Standing.Active);

        When(Escalate(Shanghai(11, 22, 11), "due-day-reminder"));

        ThenRejected("The case is already past 'due-day-reminder' (stage first-overdue).");
    }

    [Fact]
    public void GivenAPromiseToPay_WhenEscalated_ThenItIsRejected()
    {
        Given(ActiveCaseWithAPromise());

        When(Escalate(Shanghai(11, 22, 11)));

        ThenRejected("A promise to pay or a repayment plan holds this case; it must end before escalation.");
    }

    [Fact]
    public void GivenARepaymentPlan_WhenEscalated_ThenItIsRejected()
    {
        Given(ActiveCaseWithAPlan());

        When(Escalate(Shanghai(11, 22, 11), "legal-handoff"));

        ThenRejected("A promise to pay or a repayment plan holds this case");
    }

    [Fact]
    public void GivenALadderWithNoStepLeft_WhenEscalated_ThenItIsRejected()
    {
        Using(DefaultPolicy with { Version = 3, Steps = [.. DefaultPolicy.Steps.Take(3)] });
        Given([.. ActiveCase()[..^1], new TimerArmed(Shanghai(11, 21, 9), "t4", null)]);

        When(Escalate(Shanghai(11, 22, 11)));

        ThenRejected("The ladder has no step left.");
    }

    [Theory]
    [InlineData(Standing.NoCase, "There is no such case.")]
    [InlineData(Standing.Paused, "Only an active case can be escalated; this one is Paused.")]
    [InlineData(Standing.Disputed, "Only an active case can be escalated; this one is Paused.")]
    [InlineData(Standing.Closed, "Only an active case can be escalated; this one is Closed.")]
    [InlineData(Standing.HandedToLegal, "Only an active case can be escalated; this one is HandedToLegal.")]
    public void GivenACaseThatIsNotActive_WhenEscalated_ThenItIsRejected(Standing standing, string why)
    {
        Given(standing);

        When(Escalate(Shanghai(11, 22, 11)));

        ThenRejected(why);
    }
}
