using Dunning.Api.Engine;
using Dunning.Channels;
using Dunning.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dunning.Chaos;

/// <summary>The run's own process as the API would be: the case workflow's services and the local engine with
/// <c>Dunning:Durable:RunWorker=false</c> (its sidecar only relays client calls; the workers run the workflows), so cases
/// are opened with <see cref="CaseWorkflowClient.OpenAsync"/> and commands go through <see cref="ICaseCommands"/>:
/// recorded in the case's command log, then rung. It is never killed and has no injected faults, and it sweeps too, so
/// a command whose doorbell a dying worker lost is rung again.</summary>
public sealed class ChaosDriver : IAsyncDisposable
{
    private readonly IHost _host;

    private ChaosDriver(IHost host) => _host = host;

    public VirtualClock Clock => Get<VirtualClock>();
    public CaseWorkflowClient Workflow => Get<CaseWorkflowClient>();
    public ICaseCommands Commands => Get<ICaseCommands>();
    public CaseStore Store => Get<CaseStore>();
    public CommandLog Log => Get<CommandLog>();
    public ReadModelStore ReadModels => Get<ReadModelStore>();
    public CaseTables Tables => Get<CaseTables>();
    public DurableTaskClient Client => Get<DurableTaskClient>();

    /// <summary>Creates Dunning's tables and the task hub (before any worker starts, so they do not race to), then starts.</summary>
    public static async Task<ChaosDriver> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection([new(DurableKey("RunWorker"), "false")]);
        // The run prints its own progress; the driver's engine and sweep speak only when something is badly wrong.
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Critical);
        builder.Services.AddDunningWorkflowOnLocalEngine(builder.Configuration);
        var host = builder.Build();
        await host.Services.GetRequiredService<CaseTables>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ChaosDriver(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }

    private T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    private static string DurableKey(string name) => $"{DurableEngineOptions.Section}:{name}";
}
