using Dunning.Runtime;

namespace Dunning.Chaos;

/// <summary>The settings every process of a chaos run shares: one virtual clock (same epoch, start and speed, so all
/// workers and the coordinator read the same virtual instant) and the workers' runtime options.</summary>
public static class ChaosClock
{
    /// <summary>The run starts on this virtual instant; cases fall due a few days later.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly FirstDue = new(2026, 12, 5);

    public const int DueSpreadDays = 5;

    /// <summary>From the start to the last legal hand-off (30 days after the last due date, 09:00 local) and a day's margin.</summary>
    public static readonly TimeSpan LadderSpan = FirstDue.AddDays(DueSpreadDays - 1 + 31).ToDateTime(TimeOnly.MinValue) - Start.UtcDateTime;

    /// <summary>Fast enough that the whole ladder plays out in the first three quarters of the chaos.</summary>
    public static double SpeedFor(int chaosSeconds) => LadderSpan.TotalSeconds / (chaosSeconds * 0.75);

    public static ClockOptions Options(double speed, DateTimeOffset epoch, DateTimeOffset start) => new() { Speed = speed, Epoch = epoch, Start = start };

    /// <summary>A killed worker's messages come back after the visibility timeout, so it is short; with 5% of requests
    /// failing a message may need many attempts, so the poison threshold is far away (a poisoned message would strand
    /// its case, which the run counts as a failure) and the back-off between attempts short.</summary>
    public static RuntimeOptions WorkerOptions(string connectionString, string prefix) => new()
    {
        StorageConnectionString = connectionString,
        Prefix = prefix,
        VisibilityTimeout = VisibilityTimeout,
        MaxDequeueCount = 100,
        RetryBackoffMax = TimeSpan.FromSeconds(2),
    };

    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(10);
}
