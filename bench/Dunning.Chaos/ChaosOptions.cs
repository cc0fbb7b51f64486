namespace Dunning.Chaos;

/// <summary>How big and how long a chaos run is (read from the command line by <see cref="ChaosCommand"/>).</summary>
public sealed record ChaosOptions
{
    /// <summary>Cases opened at the start.</summary>
    public int Cases { get; init; } = 1000;

    /// <summary>Seconds of chaos: kills, faults, payments and supervisor actions.</summary>
    public int Seconds { get; init; } = 300;

    /// <summary>Worker processes (each runs the case workflow on the shared task hub).</summary>
    public int Workers { get; init; } = 3;

    /// <summary>Share of the workers' own storage requests (Dunning's tables, not the task hub's) that fail or lose their
    /// response.</summary>
    public double FaultRate { get; init; } = 0.05;

    /// <summary>Mean seconds between two kills.</summary>
    public double KillEvery { get; init; } = 5;

    /// <summary>Seed of the random traffic and kills.</summary>
    public int Seed { get; init; } = Random.Shared.Next();

    /// <summary>Control-queue partitions of the task hub: what the workers share out.</summary>
    public int Partitions { get; init; } = 4;

    /// <summary>Where the workers write their warnings and errors (a file each), for an investigation; none when null.</summary>
    public string? WorkerLogs { get; init; }
}
