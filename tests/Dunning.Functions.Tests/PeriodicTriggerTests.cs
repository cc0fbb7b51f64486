using Dunning.Domain;
using Dunning.Workflow;
using Dunning.Workflow.Tests;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace Dunning.Functions.Tests;

/// <summary>The timer triggers do what the local host's background loops do, through the Durable client bound to them.</summary>
public sealed class PeriodicTriggerTests(AzuriteFixture azurite) : FunctionAppTest(azurite)
{
    // Any unapplied command is overdue for the sweep at once.
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        new Dictionary<string, string?> { ["Dunning:Workflow:SweepGrace"] = "00:00:00" };

    [Fact]
    public async Task GivenACommandRecordedButNeverRung_WhenTheSweepTimerFires_ThenItsCaseIsRungWithTheTimersClient()
    {
        var state = await App.SeedCaseAsync(App.Get<VirtualClock>().GetUtcNow());
        // Recorded the way every command is, and then the ring "lost": no client saw it.
        await App.Get<CommandLog>().RecordAsync(state.CaseId, "act-lost-ring", new ResumeCase(App.Get<VirtualClock>().GetUtcNow(), Cases.Supervisor, "back"));
        var durable = FunctionApp.Durable();
        var functions = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<PeriodicFunctions>(App.Services);

        await functions.SweepCommands(new TimerInfo(), durable.Object, CancellationToken.None);

        durable.Verify(c => c.RaiseEventAsync(state.CaseId, Doorbell.EventName, It.Is<object?>(e => ((Doorbell)e!).CommandId == "act-lost-ring"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task GivenATimerWithoutADurableClient_WhenACommandMustBeRung_ThenTheErrorSaysWhatTheFunctionLacks()
    {
        var state = await App.SeedCaseAsync(App.Get<VirtualClock>().GetUtcNow());
        await App.Get<CommandLog>().RecordAsync(state.CaseId, "act-no-client", new ResumeCase(App.Get<VirtualClock>().GetUtcNow(), Cases.Supervisor, "back"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => App.Get<CommandSweep>().SweepAsync());

        Assert.Contains("[DurableClient]", error.Message, StringComparison.Ordinal);
    }
}
