using System.Globalization;
using Dunning.Workflow;

namespace Dunning.Chaos;

/// <summary>What every process of a chaos run shares: one business clock (same epoch, start and speed, so the workers and
/// the driver read the same virtual instant), one storage prefix and one task hub, and engine settings that bring a
/// killed worker's work back quickly: short partition leases and a short queue visibility timeout.</summary>
public static class ChaosSettings
{
    /// <summary>Storage prefix of Dunning's tables and name of the task hub.</summary>
    public const string Prefix = "chaos";

    /// <summary>The run starts on this business instant; cases fall due a few days later.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly FirstDue = new(2026, 12, 5);

    public const int DueSpreadDays = 5;

    /// <summary>From the start to the last legal hand-off (30 days after the last due date, 09:00 local) and a day's margin.</summary>
    public static readonly TimeSpan LadderSpan = FirstDue.AddDays(DueSpreadDays - 1 + 31).ToDateTime(TimeOnly.MinValue) - Start.UtcDateTime;

    /// <summary>A partition a SIGKILLed worker held is taken over once its lease runs out (and the next look for free
    /// partitions); renewals every 3 s keep a live worker's leases well inside it.</summary>
    public static readonly TimeSpan LeaseInterval = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan LeaseRenewInterval = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan LeaseAcquireInterval = TimeSpan.FromSeconds(3);

    /// <summary>The messages a killed worker held come back this long after it took them.</summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan Polling = TimeSpan.FromMilliseconds(100);

    /// <summary>Real time within which an overdue timer still counts as being handled, not stuck: a lease running out and
    /// being taken, a visibility timeout, a worker's restart and the back-off of an activity retried a few times.</summary>
    public static readonly TimeSpan StuckGrace = TimeSpan.FromSeconds(90);

    /// <summary>Real time from the run's start to the shared clock's epoch: Azurite, the driver and the workers up and the
    /// cases' workflows started (on this machine under load, ~75 ms a case: an instance row and a control-queue message
    /// on Azurite each, while the workers already take the first ones up).</summary>
    public static TimeSpan LeadFor(int cases) => TimeSpan.FromSeconds(10) + TimeSpan.FromMilliseconds(60 * cases);

    /// <summary>Fast enough that the whole ladder plays out in the first three quarters of the chaos.</summary>
    public static double SpeedFor(int chaosSeconds) => LadderSpan.TotalSeconds / (chaosSeconds * 0.75);

    /// <summary>The configuration of a run's processes (as <c>Dunning:*</c> keys): storage, the shared clock, the sweep and
    /// the engine. The driver adds <c>Dunning:Durable:RunWorker=false</c>; workers get these as environment variables.</summary>
    public static Dictionary<string, string?> For(string connectionString, ClockOptions clock, int partitions) => new()
    {
        ["Dunning:Storage:ConnectionString"] = connectionString,
        ["Dunning:Storage:Prefix"] = Prefix,
        ["Dunning:Clock:Speed"] = clock.Speed.ToString("R", CultureInfo.InvariantCulture),
        ["Dunning:Clock:Start"] = clock.Start?.ToString("O", CultureInfo.InvariantCulture),
        ["Dunning:Clock:Epoch"] = clock.Epoch?.ToString("O", CultureInfo.InvariantCulture),
        ["Dunning:Durable:TaskHubName"] = Prefix,
        ["Dunning:Durable:PartitionCount"] = partitions.ToString(CultureInfo.InvariantCulture),
        ["Dunning:Durable:MaxQueuePollingInterval"] = Span(Polling),
        ["Dunning:Durable:FastClockPollingInterval"] = Span(Polling),
        ["Dunning:Durable:LeaseInterval"] = Span(LeaseInterval),
        ["Dunning:Durable:LeaseRenewInterval"] = Span(LeaseRenewInterval),
        ["Dunning:Durable:LeaseAcquireInterval"] = Span(LeaseAcquireInterval),
        ["Dunning:Durable:QueueVisibilityTimeout"] = Span(VisibilityTimeout),
        ["Dunning:Durable:FastClockVisibilityTimeout"] = Span(VisibilityTimeout),
    };

    private static string Span(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
