using Azure.Storage.Queues.Models;
using Dunning.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dunning.Runtime.Tests;

/// <summary>One runtime (one "worker") over a real Azurite: its own service provider, the recording channel, and
/// optionally its queue processors running. Several hosts with one prefix are several workers on one deployment.</summary>
public sealed class RuntimeHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _running = [];

    public RuntimeHost(string connectionString, string prefix, ClockOptions clock, Action<RuntimeOptions>? configure = null,
        RecordingEffectHandler? handler = null, StoragePolicy? policy = null)
    {
        var options = new RuntimeOptions
        {
            StorageConnectionString = connectionString,
            Prefix = prefix,
            QueueCount = 2,
            IdlePollMin = TimeSpan.FromMilliseconds(20),
            IdlePollMax = TimeSpan.FromMilliseconds(100),
            VisibilityTimeout = TimeSpan.FromSeconds(10),
            RetryBackoffMax = TimeSpan.Zero,
            DrainTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        Handler = handler ?? new RecordingEffectHandler();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IEffectHandler>(Handler);
        if (policy is not null)
        {
            services.AddSingleton(policy);
        }

        services.AddDunningRuntime(options, clock);
        _services = services.BuildServiceProvider();
    }

    public RecordingEffectHandler Handler { get; }
    public CaseStore Store => _services.GetRequiredService<CaseStore>();
    public CaseInbox Inbox => _services.GetRequiredService<CaseInbox>();
    public CaseProcessor Processor => _services.GetRequiredService<CaseProcessor>();
    public StorageClients Storage => _services.GetRequiredService<StorageClients>();
    public ReadModelStore ReadModels => _services.GetRequiredService<ReadModelStore>();
    public VirtualClock Clock => _services.GetRequiredService<VirtualClock>();
    public RequestCounter Counter => _services.GetRequiredService<RequestCounter>();

    public static async Task<RuntimeHost> CreateAsync(string connectionString, string prefix, ClockOptions clock,
        Action<RuntimeOptions>? configure = null, RecordingEffectHandler? handler = null, StoragePolicy? policy = null)
    {
        var host = new RuntimeHost(connectionString, prefix, clock, configure, handler, policy);
        await host.Storage.EnsureCreatedAsync();
        return host;
    }

    public async Task StartProcessorsAsync()
    {
        foreach (var service in _services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            _running.Add(service);
        }
    }

    /// <summary>Processes whatever is visible on the inbox queues, one message at a time, until none is left.</summary>
    public async Task<int> DrainAsync(int maxMessages = 200)
    {
        var processed = 0;
        while (processed < maxMessages)
        {
            var any = false;
            foreach (var queue in Storage.Inbox)
            {
                QueueMessage[] batch = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(5))).Value;
                foreach (var message in batch)
                {
                    any = true;
                    processed++;
                    await Processor.HandleAsync(queue, message);
                }
            }

            if (!any)
            {
                return processed;
            }
        }

        return processed;
    }

    public async Task<CaseState> StateAsync(string caseId) =>
        (await Store.GetAsync(caseId))?.State ?? throw new InvalidOperationException($"No case {caseId}.");

    public async Task<IReadOnlyList<CaseEvent>> HistoryAsync(string caseId) =>
        (await Store.ReadHistoryAsync(caseId)).Select(h => h.Event).ToList();

    /// <summary>Waits (in real time) until the case satisfies <paramref name="condition"/>.</summary>
    public async Task<CaseState> WaitForAsync(string caseId, Func<CaseState, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var stored = await Store.GetAsync(caseId);
            if (stored is not null && condition(stored.State))
            {
                return stored.State;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Case {caseId} did not reach the expected state in {timeout}; it is {stored?.State.Status} at {stored?.State.Stage}.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _running)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
