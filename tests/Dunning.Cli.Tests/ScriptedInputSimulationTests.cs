using Dunning.Domain;
using static Dunning.Cli.Tests.Scenarios;

namespace Dunning.Cli.Tests;

public sealed class ScriptedInputSimulationTests
{
    [Fact]
    public void GivenAPause_WhenItCoversAStepsDate_ThenTheStepWaitsForTheAutomaticResume()
    {
        var result = Run(new ScriptedPause(Date(11, 23), Date(11, 26)));

        Assert.Equal(Local(11, 23, 0), Assert.Single(result.Events.OfType<CasePaused>()).At);
        Assert.Equal(Local(11, 27, 0), Assert.Single(result.Events.OfType<CaseResumed>()).At);
        Assert.DoesNotContain(result.Events, e => e is ContactEvent && e.At >= Local(11, 23, 0) && e.At < Local(11, 27, 0));
        Assert.Equal(Local(11, 27, 9), result.Step("field-visit").At);
        Assert.Equal(Local(12, 1, 9), result.Step("supervisor-report").At);
    }

    [Fact]
    public void GivenAnUnwillingAbleClassification_WhenTheTrackAccelerates_ThenLegalHandOffComesFifteenDaysAfterDue()
    {
        var result = Run(new ScriptedClassification(Date(11, 22), DebtorType.UnwillingAble));

        Assert.Equal(Date(12, 5), LocalCalendar.DateOf(result.Step("legal-handoff").At, Shanghai));
        // The visit falls due on Sunday 11-22 and waits for working hours.
        var deferred = Assert.Single(result.Events.OfType<ContactDeferred>());
        Assert.Equal(StepAction.Visit, deferred.Action);
        Assert.Equal(Local(11, 23, 9), deferred.Until);
        Assert.Equal(Local(11, 23, 9), result.Events.OfType<VisitScheduled>().Single().At);
    }

    [Fact]
    public void GivenATimerAndAnInputAtTheSameInstant_WhenBothAreDue_ThenTheTimerFiresFirst()
    {
        var script = ShanghaiCase(new ScriptedPayment(Date(11, 20), 12000m));
        var policy = DefaultPolicy with
        {
            Steps = [.. DefaultPolicy.Steps.Select(step => step with { At = new TimeOnly(12, 0) })],
        };

        var result = PolicySimulation.Run(script, policy);

        var sameInstant = result.Events.Where(e => e.At == Local(11, 20, 12) && e is not TimerArmed).Select(e => e.Type).ToList();
        Assert.Equal(["StepReached", "SmsSent", "EmailSent", "PaymentApplied", "CaseClosed"], sameInstant);
    }

    [Fact]
    public void GivenAnInputBeforeTheCaseOpens_WhenChecked_ThenTheProblemNamesTheOption()
    {
        var script = ShanghaiCase(new ScriptedPayment(Date(11, 5), 100m));

        var problem = Assert.Single(PolicySimulation.Problems(script, DefaultPolicy));

        Assert.Contains("--pay 2026-11-05:100", problem, StringComparison.Ordinal);
        Assert.Contains("before the case opens at 2026-11-10 10:00 +08:00", problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PolicySimulation.Run(script, DefaultPolicy));
    }

    [Fact]
    public void GivenAPolicyWhoseFirstStepIsEarly_WhenNoOpenDateIsGiven_ThenTheCaseOpensTheDayBefore()
    {
        var early = DefaultPolicy with
        {
            Steps = [DefaultPolicy.Steps[0] with { OffsetDays = -14 }, .. DefaultPolicy.Steps.Skip(1)],
        };

        Assert.Equal(Date(11, 10), PolicySimulation.DefaultOpenDate(Due, DefaultPolicy));
        Assert.Equal(Date(11, 5), PolicySimulation.DefaultOpenDate(Due, early));
        Assert.Empty(PolicySimulation.Run(ShanghaiCase(), early).Events.OfType<StepSkipped>());
    }

    [Fact]
    public void GivenTheSameScript_WhenRunTwice_ThenTheEventsAreTheSame()
    {
        ScriptedInput[] inputs = [new ScriptedPayment(Date(11, 25), 5000m), new ScriptedPromise(Date(11, 26), 2000m, Date(11, 30))];

        Assert.Equal(Run(inputs).Events, Run(inputs).Events);
    }
}
