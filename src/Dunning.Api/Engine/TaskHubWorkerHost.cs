using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Options;

namespace Dunning.Api.Engine;

/// <summary>Runs the tasks registered with the Durable Task SDK (the case orchestrator and its activities, as the
/// Function App registers them) on DTFx's own <see cref="TaskHubWorker"/>: the dispatchers the Durable Functions host
/// runs, which renew work-item locks, drop duplicate and stale messages, keep extended sessions and continue as new.
/// The SDK classes reach DTFx through <see cref="DurableTaskShimFactory"/>, with the worker options' data converter (the
/// domain's JSON); an orchestration is created afresh per execution, an activity per work item from a service scope.
/// It is the SDK worker's build target, so the SDK's own registry and factory are what it serves.</summary>
public sealed class TaskHubWorkerHost : DurableTaskWorker
{
    private readonly LocalDurableEngine _engine;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly DurableTaskShimFactory _shims;
    private readonly IServiceProvider _services;
    private TaskHubWorker? _worker;

    public TaskHubWorkerHost(string? name, IDurableTaskFactory factory, IOptionsMonitor<DurableTaskWorkerOptions> options, LocalDurableEngine engine,
        IServiceProvider services, ILoggerFactory loggers)
        : base(name, factory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine;
        _services = services;
        _loggers = loggers;
        _logger = loggers.CreateLogger<TaskHubWorkerHost>();
        _shims = new DurableTaskShimFactory(options.Get(Name), loggers);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _worker = new TaskHubWorker(_engine.Service, new ShimOrchestrations(Factory, _shims, _services), new ShimActivities(Factory, _shims, _services), _loggers);
        await _worker.StartAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the dispatchers and the backend, releasing this host's partition leases so another host takes them
    /// over at once instead of waiting them out.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _worker, null) is { } worker)
        {
            await worker.StopAsync(isForced: false).WaitAsync(TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false);
            worker.Dispose();
            EngineLog.Stopped(_logger);
        }
    }
}
