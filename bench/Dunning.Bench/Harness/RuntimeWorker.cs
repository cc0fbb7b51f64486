using Dunning.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dunning.Bench;

/// <summary>One in-process worker of the runtime over the benchmark's Azurite, composed exactly as the service composes
/// it (<see cref="RuntimeServiceCollectionExtensions.AddDunningRuntime(IServiceCollection, RuntimeOptions, ClockOptions)"/>),
/// with the recording handler in place of the channels and an <see cref="InboxWatch"/> on its storage clients.</summary>
public sealed class RuntimeWorker : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _running = [];

    private RuntimeWorker(ServiceProvider services, InboxWatch watch, RecordingEffectHandler handler, WarningTally warnings)
    {
        _services = services;
        Watch = watch;
        Handler = handler;
        Warnings = warnings;
    }

    public InboxWatch Watch { get; }
    public RecordingEffectHandler Handler { get; }
    public WarningTally Warnings { get; }
    public RuntimeOptions Options => _services.GetRequiredService<RuntimeOptions>();
    public StorageClients Storage => _services.GetRequiredService<StorageClients>();
    public CaseStore Store => _services.GetRequiredService<CaseStore>();
    public CaseInbox Inbox => _services.GetRequiredService<CaseInbox>();
    public VirtualClock Clock => _services.GetRequiredService<VirtualClock>();
    public RequestCounter Counter => _services.GetRequiredService<RequestCounter>();

    /// <summary>Creates the worker's tables and queues; the processors start with <see cref="StartProcessorsAsync"/>.</summary>
    public static async Task<RuntimeWorker> CreateAsync(string connectionString, string prefix, ClockOptions clock, CancellationToken cancellationToken = default)
    {
        var options = new RuntimeOptions { StorageConnectionString = connectionString, Prefix = prefix };
        var watch = new InboxWatch(prefix);
        var handler = new RecordingEffectHandler();
        var warnings = new WarningTally();
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddProvider(warnings));
        services.AddSingleton<IEffectHandler>(handler);
        services.AddSingleton<StoragePolicy>(watch);
        services.AddDunningRuntime(options, clock);
        var worker = new RuntimeWorker(services.BuildServiceProvider(), watch, handler, warnings);
        await worker.Storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return worker;
    }

    public async Task StartProcessorsAsync(CancellationToken cancellationToken = default)
    {
        foreach (var service in _services.GetServices<IHostedService>())
        {
            await service.StartAsync(cancellationToken).ConfigureAwait(false);
            _running.Add(service);
        }
    }

    /// <summary>Stops receiving and drains what the processors hold (what is left reappears for nobody: the run is over).</summary>
    public async Task StopProcessorsAsync()
    {
        foreach (var service in _running)
        {
            await service.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _running.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessorsAsync().ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}
