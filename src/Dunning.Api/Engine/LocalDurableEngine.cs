using System.Globalization;
using Azure.Core;
using DurableTask.AzureStorage;
using Dunning.Channels.Storage;
using Dunning.Workflow;

namespace Dunning.Api.Engine;

/// <summary>The backend of the local host's Durable engine (ARCHITECTURE section 5): DTFx's
/// <see cref="AzureStorageOrchestrationService"/>, the backend the Durable Functions host runs, with the same task-hub
/// tables, queues and leases. It creates the task hub before anything else starts (it is registered first); the
/// dispatchers that run the case workflows on it are DTFx's own <c>TaskHubWorker</c> (<see cref="TaskHubWorkerHost"/>),
/// and the API reaches it through <see cref="TaskHubDurableClient"/>. Several processes on one task hub share its
/// partitions.</summary>
public sealed class LocalDurableEngine : IHostedService, IDisposable
{
    private readonly DurableEngineOptions _options;
    private readonly VirtualClock _clock;
    private readonly ILogger<LocalDurableEngine> _logger;

    public LocalDurableEngine(DurableEngineOptions options, StorageOptions storage, VirtualClock clock, ILoggerFactory loggers, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _clock = clock;
        _logger = loggers.CreateLogger<LocalDurableEngine>();
        var visibility = options.VisibilityFor(clock.Speed);
        Service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = !string.IsNullOrEmpty(options.ConnectionString) ? new StorageAccountClientProvider(options.ConnectionString)
                : storage.UsesIdentity ? new StorageAccountClientProvider(storage.AccountName!, credential)
                : new StorageAccountClientProvider(storage.ConnectionString),
            TaskHubName = options.TaskHubName,
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.PollingFor(clock.Speed),
            ExtendedSessionsEnabled = options.ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = options.ExtendedSessionIdleTimeout,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            ControlQueueBatchSize = options.ControlQueueBatchSize,
            ControlQueueVisibilityTimeout = visibility,
            WorkItemQueueVisibilityTimeout = visibility,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseRenewInterval,
            LeaseAcquireInterval = options.LeaseAcquireInterval,
            PartitionTableOperationTimeout = options.PartitionTableOperationTimeout,
            WorkerId = WorkerId,
            LoggerFactory = loggers,
        });
    }

    /// <summary>The backend: the orchestration service the worker dispatches from and the client the API calls.</summary>
    public AzureStorageOrchestrationService Service { get; }

    /// <summary>This process's name among the hosts sharing the task hub (leases are owned per worker id).</summary>
    public static string WorkerId { get; } = $"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    public string Description =>
        $"task hub '{_options.TaskHubName}' ({_options.PartitionCount} partitions, polling <= {_options.PollingFor(_clock.Speed).TotalMilliseconds:0} ms, "
        + $"extended sessions {(_options.ExtendedSessionsEnabled ? "on" : "off")}), "
        + (_options.RunWorker ? $"DTFx TaskHubWorker {WorkerId} ({_options.MaxConcurrentOrchestrations} orchestrations, {_options.MaxConcurrentActivities} activities at once)" : "no worker (API only)");

    /// <summary>Creates the task hub (its tables, queues and lease container); the backend does not create it by itself.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Service.CreateIfNotExistsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        EngineLog.Started(_logger, Description);
    }

    /// <summary>The worker stops the backend it started (see <see cref="TaskHubWorkerHost"/>); an API-only host never
    /// started it.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => Service.Dispose();
}
