namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private const string StopReason = "replied STOP";

    private static OptOut OptOutOf(DateTimeOffset now, ContactChannel channel) => new(now, TheDebtor, StopReason, channel);

    private static OptedOut OptedOutOf(DateTimeOffset at, ContactChannel channel) => new(at, channel, TheDebtor, StopReason);

    [Fact]
    public void GivenAnSmsWaitingForTheMorning_WhenTheDebtorOptsOutOfSms_ThenTheWaitingSmsIsSkipped_AndTheTimerMovesOn()
    {
        Using(WithStepAt("pre-due-reminder", new TimeOnly(7, 0)));
        Given(LadderThrough(null));
        WhenTheTimerFires();
        GivenTheOutcome();
        var now = Shanghai(11, 17, 7, 30);

        When(OptOutOf(now, ContactChannel.Sms));

        Then(
            OptedOutOf(now, ContactChannel.Sms),
            new ContactSkipped(now, "pre-due-reminder", StepAction.Sms, "the debtor opted out of sms"),
            new TimerArmed(now, "t3", Shanghai(11, 20, 9)));
    }

    [Fact]
    public void GivenTheDebtorOptedOutOfSms_WhenTheDueDayReminderFalls_ThenOnlyTheEmailGoes()
    {
        Given([.. LadderThrough("pre-due-reminder"), OptedOutOf(Shanghai(11, 18, 10), ContactChannel.Sms)]);
        var now = Shanghai(11, 20, 9);

        WhenTheTimerFires();

        Then(
            Reached("due-day-reminder"),
            new ContactSkipped(now, "due-day-reminder", StepAction.Sms, "the debtor opted out of sms"),
            new EmailSent(now, "k1", "due-day-reminder", null));
    }

    [Fact]
    public void GivenTheDebtorOptedOutOfVisits_WhenTheFieldVisitFalls_ThenACollectorCallsInstead()
    {
        Given([.. LadderThrough("first-overdue"), OptedOutOf(Shanghai(11, 22, 10), ContactChannel.Visit)]);
        var now = Shanghai(11, 23, 9);

        WhenTheTimerFires();

        Then(
            Reached("field-visit"),
            new ContactSkipped(now, "field-visit", StepAction.Visit, "the debtor opted out of visit"),
            new CallTaskCreated(now, "k1", "field-visit"));
    }

    [Fact]
    public void GivenTheDebtorOptedOutOfVisitsAndCalls_WhenTheFieldVisitFalls_ThenNobodyIsSent()
    {
        Given(
            [
                .. LadderThrough("first-overdue"),
                OptedOutOf(Shanghai(11, 22, 10), ContactChannel.Visit),
                OptedOutOf(Shanghai(11, 22, 10), ContactChannel.Call),
            ]);

        WhenTheTimerFires();

        Then(
            Reached("field-visit"),
            new ContactSkipped(Shanghai(11, 23, 9), "field-visit", StepAction.Visit, "the debtor opted out of visit"));
    }

    [Fact]
    public void GivenTheDebtorOptedOutOfCalls_WhenASmallDebtsFieldVisitFalls_ThenTheCallTaskIsSkipped()
    {
        Given([.. LadderThrough("first-overdue", amount: SmallAmount), OptedOutOf(Shanghai(11, 22, 10), ContactChannel.Call)]);

        WhenTheTimerFires();

        Then(
            Reached("field-visit"),
            new ContactSkipped(Shanghai(11, 23, 9), "field-visit", StepAction.Call, "the debtor opted out of call"));
    }

    [Fact]
    public void GivenTheDebtorOptedOutOfSms_WhenTheyOptOutAgain_ThenNothingHappens()
    {
        Given([.. ActiveCase(), OptedOutOf(Shanghai(11, 21, 10), ContactChannel.Sms)]);

        When(OptOutOf(Shanghai(11, 22, 11), ContactChannel.Sms));

        ThenNothing();
    }

    [Theory]
    [InlineData(Standing.Active)]
    [InlineData(Standing.Paused)]
    [InlineData(Standing.Disputed)]
    [InlineData(Standing.Closed)]
    [InlineData(Standing.HandedToLegal)]
    public void GivenAnyCase_WhenTheDebtorOptsOutOfEmail_ThenTheWishIsRecorded(Standing standing)
    {
        Given(standing);
        var now = Shanghai(11, 22, 11);

        When(OptOutOf(now, ContactChannel.Email));

        Then(OptedOutOf(now, ContactChannel.Email));
        ThenNoNewTimer();
        Assert.Contains(ContactChannel.Email, After!.OptOuts);
    }

    [Fact]
    public void GivenNoCase_WhenTheDebtorOptsOut_ThenItIsRejected()
    {
        When(OptOutOf(Shanghai(11, 22, 11), ContactChannel.Sms));

        ThenRejected("There is no such case.");
    }
}
