namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    /// <summary>The case right after the pre-due SMS k1 went out (t2 waits for the due day).</summary>
    private CaseEvent[] PreDueReminderSent() => ActiveCase()[..5];

    private const string FallbackWaitsForResume = "the case is paused; the fallback goes out when it resumes";

    /// <summary>The pre-due SMS k1 went out, then the case was paused with no end (t3 armed for nothing).</summary>
    private CaseEvent[] PausedAfterThePreDueSms() =>
    [
        .. PreDueReminderSent(),
        new CasePaused(Shanghai(11, 17, 12), Supervisor, "the debtor is in hospital", null),
        new TimerArmed(Shanghai(11, 17, 12), "t3", null),
    ];

    /// <summary>k1 failed during that pause; its e-mail fallback waits for the case to resume.</summary>
    private static CaseEvent[] FallbackDeferred() =>
    [
        new DeliveryFailed(Shanghai(11, 17, 13), "k1", ContactChannel.Sms, "handset unreachable"),
        new ContactDeferred(Shanghai(11, 17, 13), "pre-due-reminder", StepAction.Email, Shanghai(11, 17, 13), FallbackWaitsForResume, "k1"),
    ];

    private static ReportDelivery Failed(DateTimeOffset now, string contactId, ContactChannel channel, string detail = "handset unreachable") =>
        new(now, contactId, channel, Succeeded: false, detail);

    [Fact]
    public void GivenAnSmsWasSent_WhenItIsDelivered_ThenTheDeliveryIsConfirmed()
    {
        Given(PreDueReminderSent());
        var now = Shanghai(11, 17, 9, 1);

        When(new ReportDelivery(now, "k1", ContactChannel.Sms, Succeeded: true, "delivered"));

        Then(new DeliveryConfirmed(now, "k1", ContactChannel.Sms, "delivered"));
        Assert.True(After!.Contacts.Single(c => c.ContactId == "k1").Delivered);
    }

    [Fact]
    public void GivenAnSmsWasSent_WhenItFails_ThenAnEmailGoesInstead()
    {
        Given(PreDueReminderSent());
        var now = Shanghai(11, 17, 9, 5);

        When(Failed(now, "k1", ContactChannel.Sms));

        Then(
            new DeliveryFailed(now, "k1", ContactChannel.Sms, "handset unreachable"),
            new EmailSent(now, "k2", "pre-due-reminder", "k1"));
    }

    [Fact]
    public void GivenAnSmsFailedAndFellBackToEmail_WhenTheSameFailureIsReportedAgain_ThenNothingHappens()
    {
        Given(PreDueReminderSent());
        When(Failed(Shanghai(11, 17, 9, 5), "k1", ContactChannel.Sms));
        GivenTheOutcome();

        When(Failed(Shanghai(11, 17, 9, 6), "k1", ContactChannel.Sms));

        ThenNothing();
    }

    [Fact]
    public void GivenAFallbackEmail_WhenItFailsToo_ThenThereIsNoFurtherFallback()
    {
        Given(PreDueReminderSent());
        When(Failed(Shanghai(11, 17, 9, 5), "k1", ContactChannel.Sms));
        GivenTheOutcome();
        var now = Shanghai(11, 17, 9, 30);

        When(Failed(now, "k2", ContactChannel.Email, "mailbox full"));

        Then(new DeliveryFailed(now, "k2", ContactChannel.Email, "mailbox full"));
    }

    [Fact]
    public void GivenAnSmsWasSent_WhenItsFailureIsReportedAtNight_ThenTheFallbackEmailWaitsForEight_AndALaterTimerSendsIt()
    {
        Given(PreDueReminderSent());
        var now = Shanghai(11, 17, 22, 30);
        var eight = Shanghai(11, 18, 8);

        When(Failed(now, "k1", ContactChannel.Sms));

        Then(
            new DeliveryFailed(now, "k1", ContactChannel.Sms, "handset unreachable"),
            new ContactDeferred(now, "pre-due-reminder", StepAction.Email, eight, OutsideShanghaiWindow, "k1"),
            new TimerArmed(now, "t3", eight));

        GivenTheOutcome();
        WhenTheTimerFires();

        Then(
            new EmailSent(eight, "k2", "pre-due-reminder", "k1"),
            new TimerArmed(eight, "t4", Shanghai(11, 20, 9)));
    }

    [Theory]
    [InlineData("k2", ContactChannel.Sms)]
    [InlineData("k5", ContactChannel.Email)]
    public void GivenAStepThatUsedBothSmsAndEmail_WhenOneOfThemFails_ThenNoSecondMessageGoesOnTheOther(string contactId, ContactChannel channel)
    {
        Given(Standing.Active);
        var now = Shanghai(11, 21, 10);

        When(Failed(now, contactId, channel));

        Then(new DeliveryFailed(now, contactId, channel, "handset unreachable"));
    }

    [Fact]
    public void GivenThreeSmsThisWeek_WhenTheSupervisorReportsEmailFails_ThenTheFallbackSmsWaitsUntilTheOldestAgesOut()
    {
        Given(Standing.Active);
        Decided(new EscalateCase(Shanghai(11, 21, 15), Supervisor, EscalateReason, "supervisor-report"));
        var now = Shanghai(11, 21, 16);

        When(Failed(now, "k7", ContactChannel.Email, "mailbox full"));

        // SMS went out on 11-17, 11-20 and 11-21 at nine; the first leaves the rolling week on 11-24 at nine.
        Then(
            new DeliveryFailed(now, "k7", ContactChannel.Email, "mailbox full"),
            new ContactDeferred(now, "supervisor-report", StepAction.Sms, Shanghai(11, 24, 9), "the sms cap (3 in 7 days)", "k7"),
            new TimerArmed(now, "t6", Shanghai(11, 24, 9)));
    }

    [Fact]
    public void GivenACollectorSpokeWithTheDebtor_WhenTheNextCallFalls_ThenItWaitsSevenDaysFromTheConversation()
    {
        Given(ActiveCase(SmallAmount));
        var spokeAt = Shanghai(11, 21, 15);
        When(new ReportDelivery(spokeAt, "k6", ContactChannel.Call, Succeeded: true, "spoke with the debtor"));
        Then(new DeliveryConfirmed(spokeAt, "k6", ContactChannel.Call, "spoke with the debtor"));
        GivenTheOutcome();
        var now = Shanghai(11, 23, 9);

        WhenTheTimerFires();

        Then(
            Reached("field-visit"),
            new ContactDeferred(now, "field-visit", StepAction.Call, Shanghai(11, 28, 15),
                "the call cap (7 in 7 days, none within 7 days of a conversation)"),
            new TimerArmed(now, "t5", Shanghai(11, 27, 9)));
    }

    [Fact]
    public void GivenAnActiveCase_WhenAnUnknownContactIsReportedFailed_ThenTheReportIsKept_AndNothingElseHappens()
    {
        Given(Standing.Active);
        var now = Shanghai(11, 22, 11);

        When(Failed(now, "k99", ContactChannel.Sms));

        Then(new DeliveryFailed(now, "k99", ContactChannel.Sms, "handset unreachable"));
    }

    [Theory]
    [InlineData(Standing.Paused)]
    [InlineData(Standing.Disputed)]
    public void GivenAPausedCase_WhenAnSmsFailureIsReported_ThenTheFailureIsKept_AndNoContactGoesOut(Standing standing)
    {
        Given(standing);
        var now = Shanghai(11, 22, 11);

        When(Failed(now, "k4", ContactChannel.Sms));

        Assert.Equal(new DeliveryFailed(now, "k4", ContactChannel.Sms, "handset unreachable"), _emitted[0]);
        Assert.Empty(_emitted.OfType<ContactEvent>());
    }

    [Fact]
    public void GivenACasePausedAfterAnSms_WhenTheSmsFails_ThenItsEmailFallbackWaitsForTheCaseToResume()
    {
        Given(PausedAfterThePreDueSms());
        var now = Shanghai(11, 17, 13);

        When(Failed(now, "k1", ContactChannel.Sms));

        Then(
            new DeliveryFailed(now, "k1", ContactChannel.Sms, "handset unreachable"),
            new ContactDeferred(now, "pre-due-reminder", StepAction.Email, now, FallbackWaitsForResume, "k1"));
        ThenNoNewTimer();
        Assert.Empty(Effects);
    }

    [Fact]
    public void GivenAnSmsFallbackDeferredDuringAPause_WhenTheCaseResumes_ThenTheEmailGoesOut()
    {
        Given([.. PausedAfterThePreDueSms(), .. FallbackDeferred()]);
        var now = Shanghai(11, 18, 10);

        When(new ResumeCase(now, Supervisor, ResumeReason));

        Then(
            new CaseResumed(now, Supervisor, ResumeReason),
            new EmailSent(now, "k2", "pre-due-reminder", "k1"),
            new TimerArmed(now, "t4", Shanghai(11, 20, 9)));
    }

    [Fact]
    public void GivenAnSmsFallbackDeferredDuringAPause_WhenTheCaseIsClosedInstead_ThenTheFallbackIsCancelled()
    {
        Given([.. PausedAfterThePreDueSms(), .. FallbackDeferred()]);
        var now = Shanghai(11, 18, 10);

        When(new CloseCase(now, Supervisor, "written off", ClosedReason.WrittenOff));

        Then(
            new PendingContactsCancelled(now, 1, "the case was closed"),
            new CaseClosed(now, ClosedReason.WrittenOff, Supervisor, "written off"));
        Assert.Empty(_emitted.OfType<ContactEvent>());
    }

    [Theory]
    [InlineData(Standing.Closed)]
    [InlineData(Standing.HandedToLegal)]
    public void GivenAFinishedCase_WhenAnEarlierFailureIsReported_ThenItIsKept_AndNoFallbackGoesOut(Standing standing)
    {
        Given(standing);
        var now = Shanghai(11, 22, 11);

        When(Failed(now, "k4", ContactChannel.Sms));

        Then(new DeliveryFailed(now, "k4", ContactChannel.Sms, "handset unreachable"));
    }

    [Fact]
    public void GivenNoCase_WhenADeliveryIsReported_ThenItIsRejected()
    {
        When(Failed(Shanghai(11, 22, 11), "k1", ContactChannel.Sms));

        ThenRejected("There is no such case.");
    }
}
