namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private const string OutsideShanghaiWindow = "outside the contact window 08:00-21:00 (Asia/Shanghai)";
    private const string OutsideShanghaiVisitHours = "outside visit hours 09:00-18:00 on working days (Asia/Shanghai)";

    private static ClaimBreakdown Claim(DateOnly asOf, decimal penalty) => new(asOf, Amount, Cny(penalty), Cny(50));

    [Fact]
    public void GivenNoCase_WhenATimerFires_ThenItIsRejected()
    {
        When(new FireTimer(Shanghai(11, 17, 9), "t1"));

        ThenRejected("There is no such case.");
    }

    [Fact]
    public void GivenAnOpenCase_WhenAStaleTimerFires_ThenNothingHappens()
    {
        Given(Standing.Active);

        When(new FireTimer(Shanghai(11, 23, 9), "t3"));

        ThenNothing();
    }

    [Fact]
    public void GivenAnOpenCase_WhenItsTimerFiresEarly_ThenNoStepIsTaken_AndTheSameInstantIsArmedWithANewToken()
    {
        Given(LadderThrough(null));
        var early = Shanghai(11, 17, 8, 59);

        When(new FireTimer(early, "t1"));

        Then(new TimerArmed(early, "t2", Shanghai(11, 17, 9)));
    }

    [Fact]
    public void GivenAnOpenCase_WhenThePreDueTimerFires_ThenAnSmsReminderGoes_AndTheDueDayIsArmedNext()
    {
        Given(LadderThrough(null));
        var now = Shanghai(11, 17, 9);

        When(new FireTimer(now, "t1"));

        Then(
            new StepReached(now, "pre-due-reminder", 0, now),
            new SmsSent(now, "k1", "pre-due-reminder", null),
            new TimerArmed(now, "t2", Shanghai(11, 20, 9)));
    }

    [Fact]
    public void GivenTheReminderWasSent_WhenTheDueDayTimerFires_ThenSmsAndEmailGo()
    {
        Given(LadderThrough("pre-due-reminder"));
        var now = Shanghai(11, 20, 9);

        When(new FireTimer(now, "t1"));

        Then(
            Reached("due-day-reminder"),
            new SmsSent(now, "k1", "due-day-reminder", null),
            new EmailSent(now, "k2", "due-day-reminder", null),
            new TimerArmed(now, "t2", Shanghai(11, 21, 9)));
    }

    [Fact]
    public void GivenTheDueDayPassed_WhenTheFirstOverdueTimerFires_ThenSmsEmailAndACallTaskGo()
    {
        Given(LadderThrough("due-day-reminder"));
        var now = Shanghai(11, 21, 9);

        When(new FireTimer(now, "t1"));

        Then(
            Reached("first-overdue"),
            new SmsSent(now, "k1", "first-overdue", null),
            new EmailSent(now, "k2", "first-overdue", null),
            new CallTaskCreated(now, "k3", "first-overdue"),
            new TimerArmed(now, "t2", Shanghai(11, 23, 9)));
    }

    [Fact]
    public void GivenADebtAboveTheVisitThreshold_WhenTheFieldVisitTimerFires_ThenAVisitIsScheduledAtTheDebtorsAddress()
    {
        Given(LadderThrough("first-overdue"));
        var now = Shanghai(11, 23, 9);

        When(new FireTimer(now, "t1"));

        Then(
            Reached("field-visit"),
            new VisitScheduled(now, "k1", "field-visit", "88 Century Avenue, Pudong, Shanghai"),
            new TimerArmed(now, "t2", Shanghai(11, 27, 9)));
    }

    [Fact]
    public void GivenADebtBelowTheVisitThreshold_WhenTheFieldVisitTimerFires_ThenACallTaskIsCreatedInstead()
    {
        Given(LadderThrough("first-overdue", amount: SmallAmount));

        WhenTheTimerFires();

        Then(Reached("field-visit"), new CallTaskCreated(Shanghai(11, 23, 9), "k1", "field-visit"));
    }

    [Fact]
    public void GivenADebtorWithoutAnAddress_WhenTheFieldVisitTimerFires_ThenTheVisitIsSkipped_AndACallTaskTakesItsPlace()
    {
        Given(LadderThrough("first-overdue", debtor: LiWei with { Address = null }));
        var now = Shanghai(11, 23, 9);

        WhenTheTimerFires();

        Then(
            Reached("field-visit"),
            new ContactSkipped(now, "field-visit", StepAction.Visit, "no address for a visit"),
            new CallTaskCreated(now, "k1", "field-visit"));
    }

    [Fact]
    public void GivenTheFieldVisitPassed_WhenTheSupervisorReportTimerFires_ThenTheSupervisorGetsTheClaim_AndTheDebtorAnEmail()
    {
        Given(LadderThrough("field-visit"));
        var now = Shanghai(11, 27, 9);

        WhenTheTimerFires();

        Then(
            Reached("supervisor-report"),
            new SupervisorReportRequested(now, "supervisor-report", Claim(Date(11, 27), 36)),
            new EmailSent(now, "k1", "supervisor-report", null),
            new TimerArmed(now, "t2", Shanghai(12, 4, 9)));
    }

    [Fact]
    public void GivenTheSupervisorWasTold_WhenTheDemandNoticeTimerFires_ThenANoticeStatesTheClaimAndASevenDayDeadline()
    {
        Given(LadderThrough("supervisor-report"));
        var now = Shanghai(12, 4, 9);

        WhenTheTimerFires();

        // 13 days of 0.05 % on 12,000 CNY after the one free day, plus the 50 CNY late fee.
        Then(
            Reached("demand-notice"),
            new NoticeIssued(now, "k1", "demand-notice", StepAction.DemandNotice, Date(12, 11), Claim(Date(12, 4), 78)),
            new TimerArmed(now, "t2", Shanghai(12, 11, 9)));
    }

    [Fact]
    public void GivenTheDemandNoticeWentUnanswered_WhenTheLawyerLetterTimerFires_ThenALawyersLetterIsIssued()
    {
        Given(LadderThrough("demand-notice"));
        var now = Shanghai(12, 11, 9);

        WhenTheTimerFires();

        Then(
            Reached("lawyer-letter"),
            new NoticeIssued(now, "k1", "lawyer-letter", StepAction.LawyerLetter, Date(12, 18), Claim(Date(12, 11), 120)),
            new TimerArmed(now, "t2", Shanghai(12, 20, 9)));
    }

    [Fact]
    public void GivenTheLawyersLetterWentUnanswered_WhenTheLegalHandOffTimerFires_ThenTheCaseGoesToLegal_AndNoTimerIsLeft()
    {
        Given(LadderThrough("lawyer-letter"));
        var now = Shanghai(12, 20, 9);

        WhenTheTimerFires();

        Then(
            Reached("legal-handoff"),
            new CaseHandedToLegal(now, "legal-handoff", Claim(Date(12, 20), 174)),
            new TimerArmed(now, "t2", null));
        Assert.Equal((CaseStatus.HandedToLegal, "legal-handoff"), (After!.Status, After.Stage));
    }

    [Fact]
    public void GivenAStepAtSevenInTheMorning_WhenItsTimerFires_ThenTheSmsIsDeferredToEight_AndALaterTimerDeliversIt()
    {
        Using(WithStepAt("pre-due-reminder", new TimeOnly(7, 0)));
        Given(LadderThrough(null));
        var seven = Shanghai(11, 17, 7);
        var eight = Shanghai(11, 17, 8);

        WhenTheTimerFires();

        Then(
            new StepReached(seven, "pre-due-reminder", 0, seven),
            new ContactDeferred(seven, "pre-due-reminder", StepAction.Sms, eight, OutsideShanghaiWindow),
            new TimerArmed(seven, "t2", eight));

        GivenTheOutcome();
        WhenTheTimerFires();

        Then(
            new SmsSent(eight, "k1", "pre-due-reminder", null),
            new TimerArmed(eight, "t3", Shanghai(11, 20, 9)));
        Assert.Empty(After!.PendingContacts);
    }

    [Fact]
    public void GivenAnUnwillingAbleDebtor_WhenTheAcceleratedFieldVisitFallsOnASunday_ThenTheVisitIsDeferredToMondayNine()
    {
        Given(
            [
                .. ActiveCase(),
                new DebtorClassified(Shanghai(11, 21, 10), DebtorType.UnwillingAble, Supervisor, "can pay, will not"),
                new TimerArmed(Shanghai(11, 21, 10), "t5", Shanghai(11, 22, 9)),
            ]);
        var sunday = Shanghai(11, 22, 9);
        var monday = Shanghai(11, 23, 9);

        WhenTheTimerFires();

        Then(
            new StepReached(sunday, "field-visit", 3, sunday),
            new ContactDeferred(sunday, "field-visit", StepAction.Visit, monday, OutsideShanghaiVisitHours),
            new TimerArmed(sunday, "t6", monday));

        GivenTheOutcome();
        WhenTheTimerFires();

        // The accelerated track puts the supervisor report at D+5.
        Then(
            new VisitScheduled(monday, "k7", "field-visit", LiWei.Address),
            new TimerArmed(monday, "t7", Shanghai(11, 25, 9)));
    }

    [Fact]
    public void GivenAPausedCase_WhenTheOldLadderTimerFires_ThenNothingHappens()
    {
        Given(Standing.Paused);

        When(new FireTimer(Shanghai(11, 23, 9), "t4"));

        ThenNothing();
    }

    [Fact]
    public void GivenAPausedCase_WhenThePauseEnds_ThenTheCaseResumes_AndTheLadderGoesOnFromTheMissedStepToday()
    {
        Given(Standing.Paused);
        var now = PausedUntil;

        WhenTheTimerFires();

        // The field visit was due 11-23, two days into the pause: it moves to today, later steps keep their spacing.
        Then(
            new CaseResumed(now, Actor.System, "the pause ended"),
            new LadderRebased(now, Date(11, 22), "resumed after a pause"),
            new StepReached(now, "field-visit", 3, now),
            new VisitScheduled(now, "k7", "field-visit", LiWei.Address),
            new TimerArmed(now, "t6", Shanghai(11, 29, 9)));
    }

    [Theory]
    [InlineData(Standing.Disputed)]
    [InlineData(Standing.Closed)]
    [InlineData(Standing.HandedToLegal)]
    public void GivenACaseThatExpectsNoTimer_WhenItsLastTimerFires_ThenNothingHappens(Standing standing)
    {
        Given(standing);
        var last = _history.OfType<TimerArmed>().Last(t => t.DueAt is not null);

        When(new FireTimer(Shanghai(12, 1, 9), last.Token));

        ThenNothing();
    }

    [Theory]
    [InlineData("2026-03-06T09:00:00-05:00", "2026-03-09", "2026-03-09T09:00:00-04:00")]
    [InlineData("2026-10-30T09:00:00-04:00", "2026-11-02", "2026-11-02T09:00:00-05:00")]
    public void GivenANewYorkDebtor_WhenThePreDueReminderFiresBeforeAClockChange_ThenTheDueDayStepIsStillAtNineLocal(
        string preDueAt, string dueDate, string dueDayAt)
    {
        var preDue = Instant(preDueAt);
        var dueDay = Instant(dueDayAt);
        Given(
            Opened(preDue.AddDays(-10), Usd(1_200), JaneRoe, DateOnly.Parse(dueDate, System.Globalization.CultureInfo.InvariantCulture)),
            new TimerArmed(preDue.AddDays(-10), "t1", preDue));

        WhenTheTimerFires();

        Then(
            new StepReached(preDue, "pre-due-reminder", 0, preDue),
            new SmsSent(preDue, "k1", "pre-due-reminder", null),
            new TimerArmed(preDue, "t2", dueDay));
        Assert.Equal(dueDay.Offset, Emitted<TimerArmed>().DueAt!.Value.Offset);
    }
}
