namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private const string VisitReason = "visited at 10:30";
    private static readonly DateTimeOffset VisitReportedAt = Shanghai(11, 23, 16);

    /// <summary>The active case after the field visit k7 was scheduled on Monday 11-23 (t5 waits for the report step).</summary>
    private CaseEvent[] VisitedCase() =>
    [
        .. ActiveCase(),
        Reached("field-visit"),
        new VisitScheduled(Shanghai(11, 23, 9), "k7", "field-visit", LiWei.Address),
        new TimerArmed(Shanghai(11, 23, 9), "t5", Shanghai(11, 27, 9)),
    ];

    private static ReportVisitOutcome Visit(VisitOutcome outcome, Money? amount = null, DateOnly? date = null) =>
        new(VisitReportedAt, Collector, VisitReason, "k7", outcome, amount, date);

    private static VisitReported Reported(VisitOutcome outcome) => new(VisitReportedAt, "k7", outcome, Collector, VisitReason);

    [Theory]
    [InlineData(VisitOutcome.Met)]
    [InlineData(VisitOutcome.NotHome)]
    [InlineData(VisitOutcome.Refused)]
    public void GivenAVisitTookPlace_WhenItsOutcomeIsReported_ThenItIsRecorded_AndTheLadderGoesOn(VisitOutcome outcome)
    {
        Given(VisitedCase());

        When(Visit(outcome));

        Then(Reported(outcome));
        ThenNoNewTimer();
    }

    [Fact]
    public void GivenTheDebtorMoved_WhenTheFieldVisitFalls_ThenNoVisitIsSent_AndACollectorCallsInstead()
    {
        Given(Standing.Active);
        var reportedAt = Shanghai(11, 22, 10);
        When(new ReportVisitOutcome(reportedAt, Collector, "neighbours say she left in October", null, VisitOutcome.Moved));
        Then(new VisitReported(reportedAt, null, VisitOutcome.Moved, Collector, "neighbours say she left in October"));
        GivenTheOutcome();
        var now = Shanghai(11, 23, 9);

        WhenTheTimerFires();

        Then(
            Reached("field-visit"),
            new ContactSkipped(now, "field-visit", StepAction.Visit, "the debtor moved from the known address"),
            new CallTaskCreated(now, "k7", "field-visit"));
    }

    [Fact]
    public void GivenAVisitTookPlace_WhenTheDebtorPromisedToPay_ThenThePromiseIsRecorded_AndHoldsEscalation()
    {
        Given(VisitedCase());

        When(Visit(VisitOutcome.Promised, Cny(4_000), PromiseDate));

        Then(
            Reported(VisitOutcome.Promised),
            new PromiseRecorded(VisitReportedAt, Cny(4_000), PromiseDate, PromiseHold, Collector, VisitReason),
            new TimerArmed(VisitReportedAt, "t6", PromiseHold));
    }

    [Fact]
    public void GivenAVisitTookPlace_WhenAPromiseIsReportedWithoutAmountOrDate_ThenTheVisitIsRecorded_ButThePromiseIsRejected()
    {
        Given(VisitedCase());

        When(Visit(VisitOutcome.Promised, Cny(4_000)));

        Then(
            Reported(VisitOutcome.Promised),
            new CommandRejected(VisitReportedAt, "ReportVisitOutcome", "A visit that ended in a promise needs the promised amount and date.",
                Collector, VisitReason));
    }

    [Fact]
    public void GivenAVisitTookPlace_WhenAPromiseOfMoreThanIsOwedIsReported_ThenThePromiseIsRejected()
    {
        Given(VisitedCase());

        When(Visit(VisitOutcome.Promised, Cny(20_000), PromiseDate));

        Then(
            Reported(VisitOutcome.Promised),
            new CommandRejected(VisitReportedAt, "ReportVisitOutcome", "A promise of 20000.00 CNY exceeds the outstanding 12000.00 CNY.",
                Collector, VisitReason));
    }

    [Theory]
    [InlineData(Standing.Paused)]
    [InlineData(Standing.Disputed)]
    [InlineData(Standing.Closed)]
    [InlineData(Standing.HandedToLegal)]
    public void GivenACaseNotActive_WhenAVisitOutcomeIsReported_ThenItIsRecorded(Standing standing)
    {
        Given(standing);

        When(Visit(VisitOutcome.NotHome));

        Then(Reported(VisitOutcome.NotHome));
        ThenNoNewTimer();
    }

    [Theory]
    [InlineData(Standing.Closed, "A promise needs an open case; this one is Closed.")]
    [InlineData(Standing.HandedToLegal, "A promise needs an open case; this one is HandedToLegal.")]
    public void GivenAFinishedCase_WhenAVisitEndedInAPromise_ThenTheVisitIsRecorded_ButThePromiseIsRejected(Standing standing, string why)
    {
        Given(standing);

        When(Visit(VisitOutcome.Promised, Cny(4_000), PromiseDate));

        Then(Reported(VisitOutcome.Promised), new CommandRejected(VisitReportedAt, "ReportVisitOutcome", why, Collector, VisitReason));
    }

    [Fact]
    public void GivenNoCase_WhenAVisitOutcomeIsReported_ThenItIsRejected()
    {
        When(Visit(VisitOutcome.Met));

        ThenRejected("There is no such case.");
    }
}
