namespace Dunning.Domain.Tests;

/// <summary>The histories the other tests start from are exactly what the decider writes, so no test starts from a
/// case the decider could not have produced.</summary>
public sealed partial class CaseDeciderTests
{
    [Theory]
    [InlineData(Standing.Active)]
    [InlineData(Standing.Paused)]
    [InlineData(Standing.Disputed)]
    [InlineData(Standing.Closed)]
    [InlineData(Standing.HandedToLegal)]
    public void GivenNoCase_WhenTheCommandsBehindAStandingAreDecided_ThenTheyWriteThatStandingsHistory(Standing standing)
    {
        Decided(Open(OpenedAt));
        Decided(new FireTimer(Shanghai(11, 17, 9), "t1"));
        Decided(new FireTimer(Shanghai(11, 20, 9), "t2"));
        Decided(new FireTimer(Shanghai(11, 21, 9), "t3"));
        switch (standing)
        {
            case Standing.Paused:
                Decided(new PauseCase(PausedAt, Supervisor, "the debtor is in hospital", PausedUntil));
                break;
            case Standing.Disputed:
                Decided(new DisputeCase(PausedAt, Supervisor, "the debtor says the invoice was paid to the old account"));
                break;
            case Standing.Closed:
                Decided(new CloseCase(PausedAt, Supervisor, "settled for 10,000 CNY", ClosedReason.Settled));
                break;
            case Standing.HandedToLegal:
                Decided(new ClassifyDebtor(HandedToLegalAt, Supervisor, "no income and refuses to talk", Willingness.Unwilling, Ability.Unable));
                Decided(new FireTimer(HandedToLegalAt, "t5"));
                break;
        }

        var expected = History(standing);
        if (EventComparison.Difference(expected, _history) is { } difference)
        {
            Assert.Fail($"{difference}{Environment.NewLine}{EventComparison.Describe(_history)}");
        }

        Assert.Equal(standing switch
        {
            Standing.Active => CaseStatus.Active,
            Standing.Paused or Standing.Disputed => CaseStatus.Paused,
            Standing.Closed => CaseStatus.Closed,
            _ => CaseStatus.HandedToLegal,
        }, _state!.Status);
        Assert.Equal(standing == Standing.Disputed, _state.Disputed);
    }

    [Fact]
    public void GivenNoCase_WhenEveryTimerFiresWhenDue_ThenTheWholeDefaultLadderRunsOnItsDates()
    {
        Decided(Open(OpenedAt));
        var reached = new List<(string Step, DateTimeOffset At)>();
        for (var firing = 0; firing < 20 && _state!.Timer is not null; firing++)
        {
            WhenTheTimerFires();
            reached.AddRange(_emitted.OfType<StepReached>().Select(s => (s.Step, s.At)));
            Assert.All(_emitted.OfType<ContactEvent>(), c => Assert.InRange(c.At.ToOffset(ChinaStandardTime).Hour, 8, 20));
            GivenTheOutcome();
        }

        Assert.Equal(
        [
            ("pre-due-reminder", Shanghai(11, 17, 9)),
            ("due-day-reminder", Shanghai(11, 20, 9)),
            ("first-overdue", Shanghai(11, 21, 9)),
            ("field-visit", Shanghai(11, 23, 9)),
            ("supervisor-report", Shanghai(11, 27, 9)),
            ("demand-notice", Shanghai(12, 4, 9)),
            ("lawyer-letter", Shanghai(12, 11, 9)),
            ("legal-handoff", Shanghai(12, 20, 9)),
        ], reached);
        Assert.Equal(CaseStatus.HandedToLegal, _state!.Status);
        Assert.Equal(
            ["Sms", "Sms", "Email", "Sms", "Email", "Call", "Visit", "Email", "Letter", "Letter"],
            _history.OfType<ContactEvent>().Select(c => c.Channel.ToString()));
        Assert.Empty(_history.OfType<ContactDeferred>());
    }

    /// <summary>Decides <paramref name="command"/> against the history so far and keeps what it emits.</summary>
    private void Decided(CaseCommand command)
    {
        When(command);
        GivenTheOutcome();
    }
}
