using Dunning.Domain;
using Dunning.Workflow;
using Dunning.Workflow.Tests;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace Dunning.Functions.Tests;

/// <summary>The timer triggers do what the local host's background loops do, through the Durable client bound to them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PeriodicTriggerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FunctionApp _app = null!;

    public async Task InitializeAsync() => _app = await FunctionApp.StartAsync(azurite, new Dictionary<string, string?>
    {
        // Any unapplied command is overdue for the sweep at once.
        ["Dunning:Workflow:SweepGrace"] = "00:00:00",
    });

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task GivenACommandRecordedButNeverRung_WhenTheSweepTimerFires_ThenItsCaseIsRungWithTheTimersClient()
    {
        var state = await _app.SeedCaseAsync(_app.Get<VirtualClock>().GetUtcNow());
        // Recorded the way every command is, and then the ring "lost": no client saw it.
        await _app.Get<CommandLog>().RecordAsync(state.CaseId, "act-lost-ring", new ResumeCase(_app.Get<VirtualClock>().GetUtcNow(), Cases.Supervisor, "back"));
        var durable = FunctionApp.Durable();
        var functions = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<PeriodicFunctions>(_app.Services);

        await functions.SweepCommands(new TimerInfo(), durable.Object, CancellationToken.None);

        durable.Verify(c => c.RaiseEventAsync(state.CaseId, Doorbell.EventName, It.Is<object?>(e => ((Doorbell)e!).CommandId == "act-lost-ring"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task GivenATimerWithoutADurableClient_WhenACommandMustBeRung_ThenTheErrorSaysWhatTheFunctionLacks()
    {
        var state = await _app.SeedCaseAsync(_app.Get<VirtualClock>().GetUtcNow());
        await _app.Get<CommandLog>().RecordAsync(state.CaseId, "act-no-client", new ResumeCase(_app.Get<VirtualClock>().GetUtcNow(), Cases.Supervisor, "back"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _app.Get<CommandSweep>().SweepAsync());

        Assert.Contains("[DurableClient]", error.Message, StringComparison.Ordinal);
    }
}
