namespace Dunning.Api.Engine;

/// <summary>Settings of the local Durable engine (DTFx's Azure Storage backend and its TaskHubWorker), bound from
/// <c>Dunning:Durable</c>. They mirror what the Function App sets in host.json, so the two hosts behave alike.</summary>
public sealed class DurableEngineOptions
{
    public const string Section = "Dunning:Durable";

    /// <summary>The task hub: its tables, queues and lease blobs are named after it (letters and digits only). Several
    /// processes on one task hub share its partitions.</summary>
    public string TaskHubName { get; set; } = "dunning";

    /// <summary>Control-queue partitions (1 to 16): the unit the hosts of one task hub share out.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>The longest the backend waits between polls of an idle queue. Timers and events are noticed at most this
    /// late (real time).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The polling ceiling when the business clock runs fast: at a day per second, 10 s of polling would be ten
    /// days of business time.</summary>
    public TimeSpan FastClockPollingInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Keeps an orchestration's history in memory between its episodes, so an episode does not load it again from
    /// the History table: measured here, a 100-case ladder ran 2.4 times as fast with them. An idle session holds one
    /// orchestration slot for <see cref="ExtendedSessionIdleTimeout"/>.</summary>
    public bool ExtendedSessionsEnabled { get; set; } = true;

    /// <summary>How long an extended session waits for the orchestration's next message before it lets go.</summary>
    public TimeSpan ExtendedSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Orchestration work items at once. Each live extended session holds one, so this must exceed the cases
    /// that are live at once (300 cases with 100 slots took 476 s, with 1,000 slots 187 s, on the same Azurite).</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 1000;

    public int MaxConcurrentActivities { get; set; } = 32;

    /// <summary>How many control-queue messages one poll takes.</summary>
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>How long a partition lease lasts unless renewed: after a host dies, another takes its partitions over
    /// within about this long (plus <see cref="LeaseAcquireInterval"/>). Keep it well above
    /// <see cref="LeaseRenewInterval"/>: at 10 s against a 10 s renewal, two hosts were seen never to share partitions.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a message a host took from a queue stays hidden from the others. A host that dies holding
    /// messages delays their instances by this much, so it bounds how long a crash holds a case up.</summary>
    public TimeSpan QueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The visibility ceiling when the business clock runs fast: at a day per second, five minutes is most of
    /// a year. Episodes and activities here take well under a second.</summary>
    public TimeSpan FastClockVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a host renews the partition leases it owns.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a host looks for partitions to take (free, expired, or to balance the load).</summary>
    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a read or write of the partition table may take before the partition manager gives up on it
    /// (DTFx's default is 2 s, which a busy Azurite exceeds: leases then go unrenewed and partitions move for nothing).</summary>
    public TimeSpan PartitionTableOperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether this process runs case workflows. Off, it serves the API (and starts and rings workflows) while
    /// other hosts on the task hub do the work.</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>Connection string of the task hub's storage; Dunning's own storage account when empty.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The polling ceiling for a clock running <paramref name="speed"/> times real time.</summary>
    public TimeSpan PollingFor(double speed) =>
        speed > 1 && FastClockPollingInterval < MaxQueuePollingInterval ? FastClockPollingInterval : MaxQueuePollingInterval;

    /// <summary>The visibility timeout for a clock running <paramref name="speed"/> times real time.</summary>
    public TimeSpan VisibilityFor(double speed) =>
        speed > 1 && FastClockVisibilityTimeout < QueueVisibilityTimeout ? FastClockVisibilityTimeout : QueueVisibilityTimeout;
}
