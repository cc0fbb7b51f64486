namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private const string OpenedLate = "the case was opened after its date";

    [Fact]
    public void GivenNoCase_WhenOpened_ThenItOpensUnderThePinnedPolicy_AndFirstWaitsForThePreDueReminder()
    {
        When(Open(OpenedAt));

        Then(
            new CaseOpened(OpenedAt, CaseId, Account, Invoice, LiWei, Amount, DueDate, "default", 1, Billing, null),
            new TimerArmed(OpenedAt, "t1", Shanghai(11, 17, 9)));
        Assert.Equal(TimeSpan.FromHours(8), Emitted<TimerArmed>().DueAt!.Value.Offset);
        Assert.Equal(("default", 1, CaseStatus.Active, Amount), (After!.PolicyId, After.PolicyVersion, After.Status, After.Outstanding));
    }

    [Fact]
    public void GivenNoCase_WhenOpenedForACampaign_ThenTheCampaignIsKept()
    {
        When(Open(OpenedAt) with { CampaignId = "winter-2026" });

        Assert.Equal("winter-2026", Emitted<CaseOpened>().CampaignId);
    }

    [Theory]
    [InlineData(Standing.Active)]
    [InlineData(Standing.Paused)]
    [InlineData(Standing.Disputed)]
    [InlineData(Standing.Closed)]
    [InlineData(Standing.HandedToLegal)]
    public void GivenAnExistingCase_WhenTheSameInvoiceIsOpenedAgain_ThenNothingHappens(Standing standing)
    {
        Given(standing);

        When(Open(Shanghai(11, 22, 11)));

        ThenNothing();
    }

    [Fact]
    public void GivenAnActiveCase_WhenTheSameKeyIsOpenedWithAnotherAmount_ThenItIsRejected()
    {
        Given(Standing.Active);

        When(Open(Shanghai(11, 22, 11), amount: Cny(15_000)));

        ThenRejected("Case already open for ACC-1001/INV-2026-1120 with 12000.00 CNY due 2026-11-20.");
    }

    [Fact]
    public void GivenAnActiveCase_WhenTheSameKeyIsOpenedWithAnotherDueDate_ThenItIsRejected()
    {
        Given(Standing.Active);

        When(Open(Shanghai(11, 22, 11), due: Date(11, 30)));

        ThenRejected("Case already open");
    }

    [Fact]
    public void GivenAnActiveCase_WhenTheSameKeyIsOpenedWithAnotherAmount_ThenTheRejectionNamesWhoAsked()
    {
        Given(Standing.Active);

        When(Open(Shanghai(11, 22, 11), amount: Cny(15_000)));

        Assert.Equal(Billing, Emitted<CommandRejected>().By);
    }

    [Fact]
    public void GivenNoCase_WhenOpenedBetweenThePreDueDateAndTheDueDate_ThenThePastReminderIsSkipped_AndTheDueDayReminderIsNext()
    {
        var now = Shanghai(11, 18, 10);

        When(Open(now));

        Then(
            Opened(now),
            new StepSkipped(now, "pre-due-reminder", 0, OpenedLate),
            new TimerArmed(now, "t1", Shanghai(11, 20, 9)));
    }

    [Fact]
    public void GivenNoCase_WhenOpenedAfterTheFieldVisitDate_ThenRemindersAreSkipped_AndTheOverdueLadderStartsToday()
    {
        var now = Shanghai(11, 24, 10);

        When(Open(now));

        Then(
            Opened(now),
            new StepSkipped(now, "pre-due-reminder", 0, OpenedLate),
            new StepSkipped(now, "due-day-reminder", 1, OpenedLate),
            new LadderRebased(now, new DateOnly(2026, 11, 23), "the case was opened 4 days past due; the overdue ladder starts today"),
            new TimerArmed(now, "t1", now));

        GivenTheOutcome();
        WhenTheTimerFires();

        Then(
            new StepReached(now, "first-overdue", 2, Shanghai(11, 24, 9)),
            new SmsSent(now, "k1", "first-overdue", null),
            new EmailSent(now, "k2", "first-overdue", null),
            new CallTaskCreated(now, "k3", "first-overdue"),
            new TimerArmed(now, "t2", Shanghai(11, 26, 9)));
    }

    [Fact]
    public void GivenNoCase_WhenOpenedAfterTheLastStepsDate_ThenNoStepIsSkippedPastTheFirstOverdueOne_AndNothingGoesToLegalAtOnce()
    {
        var now = Shanghai(12, 21, 10);

        When(Open(now));

        Assert.Equal([0, 1], _emitted.OfType<StepSkipped>().Select(s => s.Index));
        Assert.Equal(new DateOnly(2026, 12, 20), Assert.Single(_emitted.OfType<LadderRebased>()).Anchor);
        ThenTimer(now);
        Assert.Equal(CaseStatus.Active, After!.Status);
    }

    [Fact]
    public void GivenNoCase_WhenOpenedWithAnUnknownCurrency_ThenItIsRejected_AndNoCaseExists()
    {
        When(Open(OpenedAt, amount: new Money(12_000, "XYZ")));

        ThenRejected("Unknown currency 'XYZ'.");
        Assert.Null(After);
    }

    [Fact]
    public void GivenNoCase_WhenOpenedWithNothingDue_ThenItIsRejected()
    {
        When(Open(OpenedAt, amount: Cny(0)));

        ThenRejected("The amount due must be positive.");
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void GivenNoCase_WhenOpenedWithAnUnknownTimeZone_ThenItIsRejected(string zone)
    {
        When(Open(OpenedAt, debtor: LiWei with { TimeZone = zone }));

        ThenRejected($"Unknown time zone '{zone}'.");
        Assert.Null(After);
    }

    [Fact]
    public void GivenNoCase_WhenOpenedForADebtorWithoutPhoneOrEmail_ThenItIsRejected()
    {
        When(Open(OpenedAt, debtor: LiWei with { Phone = null, Email = " " }));

        ThenRejected("The debtor needs at least one contact channel (phone or e-mail).");
    }

    [Fact]
    public void GivenNoCase_WhenOpenedAskingForAnotherPolicyVersion_ThenItIsRejected()
    {
        When(Open(OpenedAt) with { PolicyVersion = 7 });

        ThenRejected("Policy default v7 was asked for but default v1 was given.");
    }

    [Fact]
    public void GivenNoCase_WhenOpenedForADebtorWithOnlyAnEmail_ThenItOpens_AndSmsStepsRecordTheMissingPhone()
    {
        var debtor = LiWei with { Phone = null };
        When(Open(OpenedAt, debtor: debtor));
        GivenTheOutcome();

        WhenTheTimerFires();

        Then(
            Reached("pre-due-reminder"),
            new ContactSkipped(Shanghai(11, 17, 9), "pre-due-reminder", StepAction.Sms, "no phone number"));
    }
}
