using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Dunning.Channels.Storage;
using Dunning.Workflow;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace Dunning.Api.Engine;

/// <summary>The Durable engine of the local host (ARCHITECTURE section 5): DTFx's <see cref="AzureStorageOrchestrationService"/>
/// (the default backend of Durable Functions: the same task-hub tables, queues and leases) served through the sidecar
/// <see cref="TaskHubGrpcServer"/> on a loopback HTTP/2 port, to which this process's Durable Task SDK worker and client
/// connect. It starts before the worker (it is registered first) and stops after it.</summary>
public sealed class LocalDurableEngine : IHostedService, IAsyncDisposable
{
    private readonly DurableEngineOptions _options;
    private readonly StorageOptions _storage;
    private readonly VirtualClock _clock;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<LocalDurableEngine> _logger;
    private AzureStorageOrchestrationService? _service;
    private WebApplication? _sidecar;

    public LocalDurableEngine(DurableEngineOptions options, StorageOptions storage, VirtualClock clock, ILoggerFactory loggers)
    {
        _options = options;
        _storage = storage;
        _clock = clock;
        _loggers = loggers;
        _logger = loggers.CreateLogger<LocalDurableEngine>();
        Port = options.SidecarPort > 0 ? options.SidecarPort : FreeLoopbackPort();
        // The channel connects lazily, on the first call, by which time the sidecar normally listens. A call that finds
        // it not yet (or no longer) listening puts the channel in reconnect backoff, which grows to two minutes by
        // default; on loopback a second is plenty, so one early call cannot fail the calls after it for minutes.
        Channel = GrpcChannel.ForAddress(new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}"),
            new GrpcChannelOptions { MaxReconnectBackoff = TimeSpan.FromSeconds(1) });
    }

    /// <summary>The sidecar's port.</summary>
    public int Port { get; }

    /// <summary>The channel the SDK worker and client use.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>This process's name among the hosts sharing the task hub (leases are owned per worker id).</summary>
    public static string WorkerId { get; } = $"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    public string Description =>
        $"task hub '{_options.TaskHubName}' ({_options.PartitionCount} partitions, polling <= {_options.PollingFor(_clock.Speed).TotalMilliseconds:0} ms), sidecar 127.0.0.1:{Port}, "
        + (_options.RunWorker ? $"worker {WorkerId}" : "no worker (API only)");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var polling = _options.PollingFor(_clock.Speed);
        _service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(
                string.IsNullOrEmpty(_options.ConnectionString) ? _storage.ConnectionString : _options.ConnectionString),
            TaskHubName = _options.TaskHubName,
            PartitionCount = _options.PartitionCount,
            MaxQueuePollingInterval = polling,
            ExtendedSessionsEnabled = _options.ExtendedSessionsEnabled,
            MaxConcurrentTaskOrchestrationWorkItems = _options.MaxConcurrentOrchestrations,
            MaxConcurrentTaskActivityWorkItems = _options.MaxConcurrentActivities,
            ControlQueueBatchSize = _options.ControlQueueBatchSize,
            LeaseInterval = _options.LeaseInterval,
            ControlQueueVisibilityTimeout = _options.VisibilityFor(_clock.Speed),
            WorkItemQueueVisibilityTimeout = _options.VisibilityFor(_clock.Speed),
            LeaseRenewInterval = _options.LeaseRenewInterval,
            LeaseAcquireInterval = _options.LeaseAcquireInterval,
            WorkerId = WorkerId,
            LoggerFactory = _loggers,
        });
        // The backend does not create its task hub by itself.
        await _service.CreateIfNotExistsAsync().ConfigureAwait(false);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Dunning.Sidecar" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, Port, listen => listen.Protocols = HttpProtocols.Http2));
        // The sidecar logs through this process's loggers, warnings and worse only: every gRPC call is a request to it.
        builder.Services.AddLogging(logging => logging.AddProvider(new ForwardingLoggerProvider(_loggers)).SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(_service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(_service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.Services.Configure<TaskHubGrpcServerOptions>(o =>
            o.Mode = _options.RunWorker ? TaskHubGrpcServerMode.ApiServerAndDispatcher : TaskHubGrpcServerMode.ApiServerOnly);
        _sidecar = builder.Build();
        _sidecar.UseRouting();
        _sidecar.MapGrpcService<TaskHubGrpcServer>();
        await _sidecar.StartAsync(cancellationToken).ConfigureAwait(false);
        EngineLog.Started(_logger, Description);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _sidecar, null) is { } sidecar)
        {
            await sidecar.StopAsync(cancellationToken).ConfigureAwait(false);
            await sidecar.DisposeAsync().ConfigureAwait(false);
        }

        // Only a worker's dispatcher starts the backend; an API-only host never did, and stopping it then throws.
        if (Interlocked.Exchange(ref _service, null) is { } service && _options.RunWorker)
        {
            // Releases this worker's partition leases now, so another host takes them over without waiting them out.
            await service.StopAsync(isForced: false).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            EngineLog.Stopped(_logger);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        Channel.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Hands the sidecar's loggers out of this process's factory, so its warnings land where ours do.</summary>
    private sealed class ForwardingLoggerProvider(ILoggerFactory loggers) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => loggers.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
