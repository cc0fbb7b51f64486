using Dunning.Domain;
using static Dunning.Cli.Tests.Scenarios;

namespace Dunning.Cli.Tests;

public sealed class DefaultLadderSimulationTests
{
    public static TheoryData<string, int, int, string[]> Ladder => new()
    {
        { "pre-due-reminder", 11, 17, ["sms"] },
        { "due-day-reminder", 11, 20, ["sms", "email"] },
        { "first-overdue", 11, 21, ["sms", "email", "call"] },
        { "field-visit", 11, 23, ["visit"] },
        { "supervisor-report", 11, 27, ["email"] },
        { "demand-notice", 12, 4, ["notice"] },
        { "lawyer-letter", 12, 11, ["notice"] },
        { "legal-handoff", 12, 20, ["legal"] },
    };

    [Fact]
    public void GivenTheDefaultPolicy_WhenNothingHappens_ThenAllEightStepsAreTakenInOrderOnTheirLocalDates()
    {
        var result = Run();

        var steps = result.Steps().Select(step => (step.Step, LocalCalendar.DateOf(step.At, Shanghai))).ToList();

        Assert.Equal(
            [
                ("pre-due-reminder", Date(11, 17)), ("due-day-reminder", Date(11, 20)), ("first-overdue", Date(11, 21)),
                ("field-visit", Date(11, 23)), ("supervisor-report", Date(11, 27)), ("demand-notice", Date(12, 4)),
                ("lawyer-letter", Date(12, 11)), ("legal-handoff", Date(12, 20)),
            ],
            steps);
    }

    [Theory]
    [MemberData(nameof(Ladder))]
    public void GivenTheDefaultPolicy_WhenAStepIsReached_ThenItsContactsGoOutThatDayOnTheExpectedChannels(
        string step, int month, int day, string[] channels)
    {
        var rows = TimelineRows.From(Run(), verbose: false);

        var reached = rows.Where(row => row.Step == step && row.Channel is not null).ToList();

        Assert.Equal(channels, reached.Select(row => row.Channel));
        Assert.All(reached, row => Assert.Equal(Date(month, day), DateOnly.FromDateTime(row.At.DateTime)));
    }

    [Fact]
    public void GivenTheDefaultPolicy_WhenTheLadderRuns_ThenEveryContactIsInsideTheLocalWindow()
    {
        var result = Run();

        Assert.NotEmpty(result.Contacts());
        Assert.All(result.Contacts(), contact =>
        {
            var local = LocalOf(contact.At);
            Assert.Equal(TimeSpan.FromHours(8), local.Offset);
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(8), TimeSpan.FromHours(21) - TimeSpan.FromTicks(1));
        });
        Assert.All(result.Steps(), step => Assert.Equal(new TimeSpan(9, 0, 0), LocalOf(step.At).TimeOfDay));
    }

    [Fact]
    public void GivenTheDefaultPolicy_WhenTheLadderEnds_ThenTheCaseIsWithLegalAndNoTimerRemains()
    {
        var result = Run();

        Assert.Equal(CaseStatus.HandedToLegal, result.FinalState!.Status);
        Assert.Null(result.FinalState.Timer);
        Assert.Contains("no timer", result.StoppedBecause, StringComparison.Ordinal);
        Assert.IsType<CaseOpened>(result.Events[0]);
        Assert.Equal(Local(11, 10, 10), result.Events[0].At);
    }

    [Fact]
    public void GivenASmallDebt_WhenTheFieldVisitStepComes_ThenACallTaskReplacesTheVisit()
    {
        var script = ShanghaiCase() with { AmountDue = new Money(3000m, "CNY") };

        var result = PolicySimulation.Run(script, DefaultPolicy);

        var fieldVisit = result.Contacts().Where(contact => contact.Step == "field-visit").ToList();
        Assert.Equal([ContactChannel.Call], fieldVisit.Select(contact => contact.Channel));
    }

    [Fact]
    public void GivenAnOpenDateAfterTheFirstSteps_WhenTheRunStarts_ThenStaleStepsAreSkippedAndTheLatestIsTakenAtOnce()
    {
        var script = ShanghaiCase() with { OpenDate = Date(11, 22) };

        var result = PolicySimulation.Run(script, DefaultPolicy);

        Assert.Equal(["pre-due-reminder", "due-day-reminder"], result.Events.OfType<StepSkipped>().Select(skipped => skipped.Step));
        Assert.Equal(Local(11, 22, 10), result.Step("first-overdue").At);
    }

    [Fact]
    public void GivenAShortHorizon_WhenTheRunReachesIt_ThenNothingAfterTheLastDayIsSimulated()
    {
        var script = ShanghaiCase() with { DaysAfterDue = 10 };

        var result = PolicySimulation.Run(script, DefaultPolicy);

        Assert.Equal("supervisor-report", result.Steps().Last().Step);
        Assert.All(result.Events, e => Assert.True(LocalOf(e.At) < Local(12, 1, 0)));
        Assert.Contains("10 days after the due date", result.StoppedBecause, StringComparison.Ordinal);
        Assert.NotNull(result.FinalState!.Timer);
    }
}
