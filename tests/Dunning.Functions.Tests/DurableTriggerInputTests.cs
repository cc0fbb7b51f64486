using Azure.Core.Serialization;
using Dunning.Channels;
using Dunning.Domain;
using Dunning.Workflow;
using Dunning.Workflow.Tests;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace Dunning.Functions.Tests;

/// <summary>The orchestration and activity triggers: the Durable extension hands each the JSON the host sent, which the
/// worker's serializer (the domain's JSON) turns into the workflow classes' own inputs; the classes then run as they do in
/// the local host. Done here as the extension's executor does it: the converter from the worker options, the task from
/// the registry's factory with the invocation's services.</summary>
public sealed class DurableTriggerInputTests(AzuriteFixture azurite) : FunctionAppTest(azurite)
{
    private DataConverter Converter => App.Get<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter;

    [Fact]
    public void GivenTheWorkersSerializer_WhenAPolymorphicCommandAndASnapshotRoundTrip_ThenTheyComeBackWhole()
    {
        Assert.IsType<JsonObjectSerializer>(App.Get<IOptions<WorkerOptions>>().Value.Serializer);
        var now = Cases.Local(11, 16, 10);
        var open = Cases.Open(Cases.NewAccount(), now);
        var command = new RecordedCommand("pay-P1", new ReceivePayment(now, "P1", new Money(300m, "CNY"), now), now, "etag-1");
        var events = CaseDecider.Decide(null, open, PolicyCatalog.Default.Find("default", 1)!);
        var snapshot = new CaseSnapshot(events.Aggregate((CaseState?)null, CaseEvolution.Evolve)!, 4, null, "etag-2", now);

        var commandBack = Converter.Deserialize<RecordedCommand>(Converter.Serialize(command));
        var snapshotBack = Converter.Deserialize<CaseSnapshot>(Converter.Serialize(snapshot));
        var runBack = Converter.Deserialize<CaseRun>(Converter.Serialize(new CaseRun(open.CaseId, BusinessClock.RealTime, Open: open)));

        Assert.Equal(command, commandBack);
        Assert.Contains("\"type\":\"ReceivePayment\"", Converter.Serialize(command), StringComparison.Ordinal);
        Assert.Equal(snapshot.State.CaseId, snapshotBack!.State.CaseId);
        Assert.Equal(Converter.Serialize(snapshot), Converter.Serialize(snapshotBack));
        Assert.Equal(open, runBack!.Open);
    }

    [Fact]
    public async Task GivenARecordedCommand_WhenTheReadCommandsActivityTriggerRuns_ThenTheCaseIdReachesTheLogAndTheCommandComesBack()
    {
        var state = await App.SeedCaseAsync(App.Get<VirtualClock>().GetUtcNow());
        await App.Get<CommandLog>().RecordAsync(state.CaseId, "act-read-1", new PauseCase(App.Get<VirtualClock>().GetUtcNow(), Cases.Supervisor, "checking", null));

        var output = await RunActivityAsync(nameof(ReadCommands), Converter.Serialize(state.CaseId));

        var commands = Assert.IsAssignableFrom<IReadOnlyList<RecordedCommand>>(output);
        Assert.IsType<PauseCase>(Assert.Single(commands).Command);
    }

    [Fact]
    public async Task GivenAnSmsEffect_WhenTheSendSmsActivityTriggerRuns_ThenTheDebtorGetsItOnceUnderTheEffectsKey()
    {
        var now = App.Get<VirtualClock>().GetUtcNow();
        var state = await App.SeedCaseAsync(now);
        var policy = PolicyCatalog.Default.Find(state.PolicyId, state.PolicyVersion)!;
        var events = CaseDecider.Decide(state, new FireTimer(state.Timer!.DueAt, state.Timer.Token), policy);
        var sms = CaseEffects.Derive(state, events.Aggregate((CaseState?)state, CaseEvolution.Evolve)!, events).OfType<SendSms>().First();
        var json = Converter.Serialize(new EffectRequest(state.CaseId, 1, sms));

        await RunActivityAsync(nameof(SendSms), json);
        await RunActivityAsync(nameof(SendSms), json);

        var message = Assert.Single(await App.Get<MessageLog>().ListAsync(state.CaseId));
        Assert.Equal((ContactChannel.Sms, sms.ContactId), (message.Channel, message.ContactId));
    }

    [Fact]
    public async Task GivenANewCasesRun_WhenTheOrchestrationTriggerRunsIt_ThenTheWorkflowCommitsTheOpenUnderTheCaseId()
    {
        var now = Cases.Local(11, 16, 10);
        var open = Cases.Open(Cases.NewAccount(), now);
        var json = Converter.Serialize(new CaseRun(open.CaseId, BusinessClock.RealTime, Open: open));
        using var scope = App.Services.CreateScope();
        Assert.True(App.Get<IDurableTaskFactory>().TryCreateOrchestrator(CaseWorkflow.Orchestrator, scope.ServiceProvider, out var orchestrator));
        var context = new ScriptedContext(open.CaseId, now);

        _ = orchestrator!.RunAsync(context.Object, Converter.Deserialize(json, orchestrator.InputType));

        var commit = Assert.Single(context.Commits);
        Assert.Equal(open.CaseId, commit.CaseId);
        Assert.Equal(open.AmountDue, commit.State.AmountDue);
        Assert.Contains(commit.Events, e => e is CaseOpened);
    }

    /// <summary>What the extension's executor does with an activity trigger: the task from the factory with the
    /// invocation's services, its input from the host's JSON through the worker's converter.</summary>
    private async Task<object?> RunActivityAsync(string name, string json)
    {
        using var scope = App.Services.CreateScope();
        Assert.True(App.Get<IDurableTaskFactory>().TryCreateActivity(name, scope.ServiceProvider, out var activity));
        return await activity!.RunAsync(Mock.Of<TaskActivityContext>(), Converter.Deserialize(json, activity.InputType));
    }
}
