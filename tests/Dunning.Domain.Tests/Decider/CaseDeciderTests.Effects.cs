namespace Dunning.Domain.Tests;

/// <summary>What the runtime is asked to do once a decision is committed (<see cref="CaseEffects.Derive"/>).</summary>
public sealed partial class CaseDeciderTests
{
    private static MessageFacts Facts(string stage, Money? outstanding = null) =>
        new(CaseId, Account, Invoice, "Li Wei", "zh-CN", "Asia/Shanghai", outstanding ?? Amount, DueDate, stage);

    [Fact]
    public void GivenTheFirstOverdueStep_WhenDecided_ThenSmsEmailAndCallTaskEffectsGo_WithTheNextTimer()
    {
        Given(LadderThrough("due-day-reminder"));
        var now = Shanghai(11, 21, 9);

        WhenTheTimerFires();

        Assert.Equal(
            [
                new SendSms("k1", "first-overdue", LiWei.Phone!, Facts("first-overdue"), null),
                new SendEmail("k2", "first-overdue", LiWei.Email!, Facts("first-overdue"), null),
                new CreateCallTask("k3", "first-overdue", LiWei.Phone!, now, Facts("first-overdue")),
                new ArmTimer("t2", Shanghai(11, 23, 9)),
            ],
            Effects);
    }

    [Fact]
    public void GivenTheFieldVisitStep_WhenDecided_ThenAVisitIsScheduledForTheDebtorsLocalDate()
    {
        Given(LadderThrough("first-overdue"));

        WhenTheTimerFires();

        Assert.Equal(
            [
                new ScheduleVisit("k1", "field-visit", LiWei.Address, Date(11, 23), Shanghai(11, 23, 9), Facts("field-visit")),
                new ArmTimer("t2", Shanghai(11, 27, 9)),
            ],
            Effects);
    }

    [Fact]
    public void GivenTheSupervisorReportStep_WhenDecided_ThenTheSupervisorIsToldAndTheDebtorEmailed()
    {
        Given(LadderThrough("field-visit"));

        WhenTheTimerFires();

        Assert.Equal(
            [
                new ReportToSupervisor("supervisor-report", Claim(Date(11, 27), 36), Facts("supervisor-report")),
                new SendEmail("k1", "supervisor-report", LiWei.Email!, Facts("supervisor-report"), null),
                new ArmTimer("t2", Shanghai(12, 4, 9)),
            ],
            Effects);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GivenTheDemandNoticeStep_WhenDecided_ThenTheNoticeGoesByPost_AndByEmailUnlessTheDebtorOptedOut(bool optedOutOfEmail)
    {
        Given(LadderThrough("supervisor-report"));
        if (optedOutOfEmail)
        {
            Given(new OptedOut(Shanghai(11, 30, 10), ContactChannel.Email, TheDebtor, "unsubscribe link"));
        }

        WhenTheTimerFires();

        Assert.Equal(
            [
                new SendNotice("k1", "demand-notice", StepAction.DemandNotice, Date(12, 11), Claim(Date(12, 4), 78),
                    optedOutOfEmail ? null : LiWei.Email, LiWei.Address, Facts("demand-notice")),
                new ArmTimer("t2", Shanghai(12, 11, 9)),
            ],
            Effects);
    }

    [Fact]
    public void GivenTheLegalHandOffStep_WhenDecided_ThenTheDossierGoesToLegal_AndOpenWorkIsCancelled_WithoutATimer()
    {
        Given(LadderThrough("lawyer-letter"));

        WhenTheTimerFires();

        Assert.Equal(
            [
                new HandOffToLegal("legal-handoff", Claim(Date(12, 20), 174), Facts("legal-handoff")),
                new CancelOpenWork("handed to legal"),
            ],
            Effects);
    }

    [Theory]
    [InlineData(Standing.Active)]
    [InlineData(Standing.Paused)]
    public void GivenAnOpenCase_WhenSettled_ThenOpenWorkIsCancelled(Standing standing)
    {
        Given(standing);

        When(new CloseCase(ClosedAt, Supervisor, "agreed 10,000 CNY", ClosedReason.Settled));

        Assert.Equal([new CancelOpenWork("closed: Settled")], Effects);
    }

    [Fact]
    public void GivenAnActiveCase_WhenPaidInFull_ThenOpenWorkIsCancelled()
    {
        Given(Standing.Active);

        When(new ReceivePayment(PaidAt, "pay-1", Amount));

        Assert.Equal([new CancelOpenWork("closed: PaidInFull")], Effects);
    }

    [Fact]
    public void GivenAClosedCase_WhenAPaymentArrives_ThenThereIsNothingToDo()
    {
        Given(Standing.Closed);

        When(new ReceivePayment(PaidAt, "pay-1", Cny(1_000)));

        Assert.Empty(Effects);
    }

    [Fact]
    public void GivenAStepAtSevenInTheMorning_WhenDecided_ThenNothingIsSentYet_OnlyTheTimerForEightIsArmed()
    {
        Using(WithStepAt("pre-due-reminder", new TimeOnly(7, 0)));
        Given(LadderThrough(null));

        WhenTheTimerFires();

        Assert.Equal([new ArmTimer("t2", Shanghai(11, 17, 8))], Effects);
    }

    [Fact]
    public void GivenADecisionThatArmedTwoTimers_WhenEffectsAreDerived_ThenOnlyTheLastTimerIsArmed()
    {
        Given(Standing.Active);
        CaseEvent[] events =
        [
            new TimerArmed(PaidAt, "t5", Shanghai(11, 23, 9)),
            new TimerArmed(PaidAt, "t6", Shanghai(11, 24, 9)),
        ];
        var after = CaseEvolution.Replay(_history.Concat(events));

        Assert.Equal([new ArmTimer("t6", Shanghai(11, 24, 9))], CaseEffects.Derive(_state, after, events));
    }

    [Fact]
    public void GivenNoCase_WhenARejectedOpenIsDerived_ThenThereIsNothingToDo()
    {
        When(Open(OpenedAt, amount: new Money(1, "XYZ")));

        Assert.Empty(Effects);
    }
}
