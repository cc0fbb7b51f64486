using System.Globalization;
using Dunning.Api.Engine;
using Dunning.Channels;
using Dunning.Domain;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dunning.Workflow.Tests;

/// <summary>The case workflow for tests: its services over Azurite (under a prefix of their own), a recording channel
/// in place of the real ones, on the local engine of the real host (DTFx's TaskHubWorker over its Azure Storage backend
/// on the same Azurite).</summary>
public sealed class WorkflowHost : IAsyncDisposable
{
    private readonly Func<ValueTask> _dispose;

    private WorkflowHost(IServiceProvider services, RecordingEffectHandler handler, string prefix, Func<ValueTask> dispose)
    {
        Services = services;
        Handler = handler;
        Prefix = prefix;
        _dispose = dispose;
    }

    public IServiceProvider Services { get; }
    public RecordingEffectHandler Handler { get; }
    public string Prefix { get; }
    public VirtualClock Clock => Get<VirtualClock>();
    public CaseStore Store => Get<CaseStore>();
    public ReadModelStore ReadModels => Get<ReadModelStore>();
    public CommandLog Log => Get<CommandLog>();
    public CaseWorkflowClient Workflow => Get<CaseWorkflowClient>();
    public ICaseCommands Commands => Get<ICaseCommands>();
    public DurableTaskClient Client => Get<DurableTaskClient>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The settings of a test host: storage, clock, a quick sweep, and the test engine's (a task hub per
    /// prefix).</summary>
    public static Dictionary<string, string?> Settings(AzuriteFixture storage, string prefix, ClockOptions clock)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Dunning:Storage:ConnectionString"] = storage.ConnectionString,
            ["Dunning:Storage:Prefix"] = prefix,
            ["Dunning:Clock:Speed"] = clock.Speed.ToString(CultureInfo.InvariantCulture),
            ["Dunning:Clock:Start"] = clock.Start?.ToString("O", CultureInfo.InvariantCulture),
            ["Dunning:Clock:Epoch"] = clock.Epoch?.ToString("O", CultureInfo.InvariantCulture),
            ["Dunning:Workflow:SweepInterval"] = "00:00:01",
            ["Dunning:Workflow:SweepGrace"] = "00:00:02",
            ["Dunning:Workflow:PurgeAfter"] = "00:00:02",
        };
        foreach (var (key, value) in TestEngine.Settings(prefix))
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>On the real host's local engine, as the run command composes it (the channels aside).</summary>
    public static async Task<WorkflowHost> LocalEngineAsync(AzuriteFixture storage, ClockOptions clock, string? prefix = null,
        Action<IDictionary<string, string?>>? settings = null)
    {
        prefix ??= storage.UniqueName("eng");
        var values = Settings(storage, prefix, clock);
        settings?.Invoke(values);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        TestLog.AddTo(builder.Logging);
        var handler = new RecordingEffectHandler();
        builder.Services.AddDunningWorkflowOnLocalEngine(builder.Configuration);
        builder.Services.AddSingleton<IEffectHandler>(handler);
        var host = builder.Build();
        await host.Services.GetRequiredService<CaseTables>().EnsureCreatedAsync();
        await host.StartAsync();
        return new WorkflowHost(host.Services, handler, prefix, async () =>
        {
            await host.StopAsync();
            host.Dispose();
        });
    }

    /// <summary>Starts a case's workflow and waits until the case is stored.</summary>
    public async Task<CaseState> OpenAsync(OpenCase open)
    {
        await Workflow.OpenAsync(open);
        return await WaitForAsync(open.CaseId, _ => true, TimeSpan.FromSeconds(30), "the case to open");
    }

    public async Task<CaseState> WaitForAsync(string caseId, Func<CaseState, bool> done, TimeSpan within, string what) =>
        (await Wait.ForAsync(() => Store.GetAsync(caseId), s => s is not null && done(s.State), within, $"case {caseId}: {what}",
            _ => DescribeAsync(caseId)))!.State;

    /// <summary>Where a case stands, for a failing test to say: stored state, unapplied commands, the workflow's status.</summary>
    public async Task<string> DescribeAsync(string caseId)
    {
        var stored = await Store.GetAsync(caseId);
        var unapplied = await Log.ReadUnappliedAsync(caseId);
        var instance = await Client.GetInstanceAsync(caseId, getInputsAndOutputs: true);
        return $"status {stored?.State.Status}, stage {stored?.State.Stage}, version {stored?.State.Version}, payments {stored?.State.PaymentIds.Count}, "
            + $"flag {stored?.Flag}; {unapplied.Count} unapplied ({string.Join(", ", unapplied.Take(5).Select(c => c.Id))}); "
            + $"workflow {instance?.RuntimeStatus}, custom status {instance?.SerializedCustomStatus}, failure {instance?.FailureDetails?.ErrorMessage}";
    }

    public async Task<IReadOnlyList<CaseEvent>> HistoryAsync(string caseId) =>
        (await Store.ReadHistoryAsync(caseId)).OrderBy(h => h.Seq).Select(h => h.Event).ToList();

    /// <summary>Waits until the case's workflow has ended (nothing left to do for the case).</summary>
    /// <summary>Waits until the case's workflow has ended: completed, or completed and already purged (null).</summary>
    public Task<OrchestrationMetadata?> WaitForEndAsync(string caseId, TimeSpan within) =>
        Wait.ForAsync(async () => await Client.GetInstanceAsync(caseId), m => m is null or { IsCompleted: true }, within, $"the workflow of {caseId} to end");

    public ValueTask DisposeAsync() => _dispose();
}
