using System.Globalization;
using Dunning.Api.Engine;
using Dunning.Channels;
using Dunning.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dunning.Bench;

/// <summary>One in-process host of the case workflow on the local Durable engine, composed as the service composes it
/// (<c>AddDunningWorkflow</c> + <c>AddLocalDurableEngine</c>, the engine's default settings), with the recording handler in
/// place of the channels, under a storage prefix and task hub of its own.</summary>
public sealed class WorkflowWorker : IAsyncDisposable
{
    private readonly IHost _host;

    private WorkflowWorker(IHost host, RecordingEffectHandler handler, WarningTally warnings)
    {
        _host = host;
        Handler = handler;
        Warnings = warnings;
    }

    public RecordingEffectHandler Handler { get; }
    public WarningTally Warnings { get; }
    public VirtualClock Clock => Get<VirtualClock>();
    public CaseStore Store => Get<CaseStore>();
    public CaseWorkflowClient Workflow => Get<CaseWorkflowClient>();
    public DurableEngineOptions Engine => Get<DurableEngineOptions>();

    /// <summary>Creates the case tables and starts the host (engine, worker, sweep).</summary>
    public static async Task<WorkflowWorker> StartAsync(string connectionString, string prefix, ClockOptions clock, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dunning:Storage:ConnectionString"] = connectionString,
            ["Dunning:Storage:Prefix"] = prefix,
            ["Dunning:Durable:TaskHubName"] = prefix,
            ["Dunning:Clock:Speed"] = clock.Speed.ToString("R", CultureInfo.InvariantCulture),
            ["Dunning:Clock:Start"] = clock.Start?.ToString("O", CultureInfo.InvariantCulture),
        });
        var handler = new RecordingEffectHandler();
        var warnings = new WarningTally();
        builder.Logging.AddProvider(warnings).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IEffectHandler>(handler);
        builder.Services.AddDunningWorkflowOnLocalEngine(builder.Configuration);
        var host = builder.Build();
        await host.Services.GetRequiredService<CaseTables>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new WorkflowWorker(host, handler, warnings);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }

    private T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();
}
