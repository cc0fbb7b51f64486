namespace Dunning.Bench;

/// <summary>What one benchmark run measures and for how long (read from the command line by <see cref="BenchCommand"/>).
/// The options of the phases the new engine does not have yet (ceiling, throughput, cost: <c>--cases</c>,
/// <c>--speed</c>, <c>--warmup</c>, <c>--seconds</c>, <c>--concurrency</c>) are still read, and the run says it ignores
/// them, until the benchmark issue retargets those phases.</summary>
public sealed record BenchOptions
{
    public int TimerCases { get; init; } = 100;
    public double TimerSpeed { get; init; } = 86_400;
    public int IdleSeconds { get; init; } = 40;
    public IReadOnlyList<int> ScaleSizes { get; init; } = [10_000, 20_000];
    public int ScaleOpens { get; init; } = 500;
    public string? ApiPath { get; init; }
    public bool NoApi { get; init; }
    public string? Output { get; init; }

    /// <summary>The options given for phases not measured now, as typed (to say they are ignored).</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];
}
