namespace Dunning.Runtime;

/// <summary>Settings of the durable runtime, bound from <c>Dunning:Runtime</c>.</summary>
public sealed class RuntimeOptions
{
    public const string Section = "Dunning:Runtime";

    /// <summary>Storage connection string (Azurite's in development).</summary>
    public string StorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prefix of every table and queue, so several deployments (or tests) can share one account.</summary>
    public string Prefix { get; set; } = "dunning";

    /// <summary>How many inbox queues cases are spread over by a hash of the case id.</summary>
    public int QueueCount { get; set; } = 4;

    public int ReceiveBatchSize { get; set; } = 32;

    /// <summary>How many different cases one processor works on at once.</summary>
    public int MaxParallelCases { get; set; } = 16;

    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delivery attempts before a message goes to the poison queue and its case is flagged.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    public TimeSpan IdlePollMin { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Upper bound of the idle back-off: bounds both timer lateness and idle storage requests (1 s = 60/min/queue).</summary>
    public TimeSpan IdlePollMax { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest visibility delay a timer message gets (Azure allows 7 days); longer timers are re-armed.</summary>
    public TimeSpan TimerCap { get; set; } = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <summary>The longest a failed message waits before its next attempt (the wait doubles per attempt up to this).</summary>
    public TimeSpan RetryBackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long shutdown waits for messages in flight.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Whether this process runs the queue processors (the Functions custom handler gets messages pushed instead).</summary>
    public bool RunProcessors { get; set; } = true;
}
