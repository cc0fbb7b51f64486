using System.Globalization;

namespace Dunning.Bench;

/// <summary>The targets of issue 7, each beside its figure. Printed, never asserted. Throughput and cost are not measured
/// on the new engine until the benchmark issue, and say so.</summary>
public static class TargetChecks
{
    public const double MinRatioToCeiling = 0.60;
    public const double MaxRequestsPerEvent = 5;
    public const double MaxP99LatenessSeconds = 2;
    public const double MaxFirstPageMs = 200;
    public const int FirstPageAtCases = 100_000;
    public const double MaxPeakMb = 300;

    /// <summary>"Flat" memory: the larger size may use at most this much more than the smaller.</summary>
    public const double FlatGrowth = 0.20;

    public const double MaxIdlePerMinutePerQueue = 60;

    public const string NotMeasured = "not measured until the benchmark issue";

    public static IReadOnlyList<TargetCheck> For(TimerFigures timers, IReadOnlyList<ScalePoint> scale, IdleFigures idle)
    {
        var checks = new List<TargetCheck>
        {
            new("Throughput", $">= {MinRatioToCeiling:P0} of ceiling", NotMeasured, null),
            new("Cost", $"<= {F(MaxRequestsPerEvent)} requests/event", NotMeasured, null),
            new("Timer lateness p99", $"<= {F(MaxP99LatenessSeconds)} s", $"{F(timers.P99)} s", timers.Firings == 0 ? null : timers.P99 <= MaxP99LatenessSeconds),
        };

        var largest = scale.Count == 0 ? null : scale[^1];
        checks.Add(largest is null
            ? new("First page at 100k", $"< {F(MaxFirstPageMs)} ms", "not measured", null)
            : new($"First page at {largest.Cases:N0}", $"< {F(MaxFirstPageMs)} ms at {FirstPageAtCases:N0}", $"{F(largest.FirstPageMedianMs)} ms (first call {F(largest.FirstPageMs)} ms)",
                largest.Cases >= FirstPageAtCases ? largest.FirstPageMedianMs < MaxFirstPageMs : null));

        if (scale.Count >= 2)
        {
            var (small, large) = (scale[0], scale[^1]);
            var flat = large.PeakWorkingSetMb <= small.PeakWorkingSetMb * (1 + FlatGrowth);
            checks.Add(new("Service peak memory", $"flat {small.Cases:N0} -> {large.Cases:N0}, < {F(MaxPeakMb)} MB",
                $"{F(small.PeakWorkingSetMb)} MB -> {F(large.PeakWorkingSetMb)} MB", flat && scale.Max(p => p.PeakWorkingSetMb) < MaxPeakMb));
        }
        else
        {
            checks.Add(new("Service peak memory", $"flat 10k -> 100k, < {F(MaxPeakMb)} MB",
                largest is null ? "not measured" : $"{F(largest.PeakWorkingSetMb)} MB at {largest.Cases:N0} only", null));
        }

        checks.Add(new("Idle cost", $"<= {F(MaxIdlePerMinutePerQueue)} requests/min/queue", $"{F(idle.RequestsPerMinutePerQueue)} requests/min/queue",
            idle.Seconds > 0 ? idle.RequestsPerMinutePerQueue <= MaxIdlePerMinutePerQueue : null));
        return checks;
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
