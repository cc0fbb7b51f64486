using System.Diagnostics;
using Dunning.Domain;

namespace Dunning.Bench;

/// <summary>How late the Durable engine's timers fire when the host is not overloaded: a hundred cases, due on seven
/// different days in six zones, run their whole ladder on a fast business clock in one host (the engine's default
/// settings for a fast clock: queues polled at most every 200 ms); every step a timer took is compared with its
/// schedule, in real time: (StepReached.At - ScheduledFor) / speed. StepReached.At is the instant the workflow decided
/// the step at, its replay-safe time when the timer's message was taken, so the figure is the engine's delivery of a
/// due timer (a timer that fires up to a second early is decided at its own instant: lateness 0). Opened before their
/// pre-due step, so every step is a timer firing (a step taken by the opening itself is left out).</summary>
public static class TimerAccuracyPhase
{
    public const string Prefix = "tm";

    // Opened three days and more before the first pre-due step, so the openings are done long before any timer is due.
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly FirstDue = new(2026, 12, 6);

    public static async Task<TimerFigures> RunAsync(WorkflowWorker worker, int cases, AzuriteStallMonitor stalls, CpuMeter cpu,
        CancellationToken cancellationToken = default)
    {
        var speed = worker.Clock.Speed;
        var opens = Enumerable.Range(0, cases)
            .Select(i => BenchCases.Open(Prefix, i, FirstDue.AddDays(i % 7), worker.Clock.GetUtcNow()))
            .ToList();
        var started = TimeProvider.System.GetTimestamp();
        var cpuBefore = cpu.Sample();
        await Parallel.ForEachAsync(opens, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (open, ct) => await worker.Workflow.OpenAsync(open with { Now = worker.Clock.GetUtcNow() }, ct).ConfigureAwait(false)).ConfigureAwait(false);

        // The last legal hand-off is 30 days after the last due date; give it that long on the business clock, and a margin.
        var lastStep = new DateTimeOffset(FirstDue.AddDays(6 + 31).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var deadline = TimeSpan.FromSeconds((lastStep - Start).TotalSeconds / speed) + TimeSpan.FromSeconds(60);
        while (worker.Handler.Count(nameof(HandOffToLegal)) < cases && TimeProvider.System.GetElapsedTime(started) < deadline)
        {
            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }

        var ended = TimeProvider.System.GetTimestamp();
        var used = cpu.Sample() - cpuBefore;
        var seconds = TimeProvider.System.GetElapsedTime(started, ended).TotalSeconds;

        // Where each firing falls in real time, to tell the firings an Azurite stall delayed from the others.
        var (nowStamp, businessNow) = (Stopwatch.GetTimestamp(), worker.Clock.GetUtcNow());
        long RealStamp(DateTimeOffset instant) => nowStamp - (long)((businessNow - instant).TotalSeconds / speed * Stopwatch.Frequency);
        var backlogAfterStall = (long)(2 * Stopwatch.Frequency);
        var lateness = new List<(double Seconds, string What, bool Stalled)>();
        var events = 0;
        foreach (var open in opens)
        {
            var history = (await worker.Store.ReadHistoryAsync(open.CaseId, cancellationToken).ConfigureAwait(false)).Select(h => h.Event).ToList();
            events += history.Count;
            var openedAt = history.OfType<CaseOpened>().FirstOrDefault()?.At;
            lateness.AddRange(history.OfType<StepReached>()
                .Where(s => s.At != openedAt)
                .Select(s => ((s.At - s.ScheduledFor).TotalSeconds / speed, $"{open.CaseId} {s.Step} due {s.ScheduledFor:O} in {open.Debtor.TimeZone}, taken {s.At:O}",
                    stalls.StallsBetween(RealStamp(s.ScheduledFor) - backlogAfterStall, RealStamp(s.At)) > 0)));
        }

        var sorted = lateness.Select(l => l.Seconds).Order().ToArray();
        var unstalled = lateness.Where(l => !l.Stalled).Select(l => l.Seconds).Order().ToArray();
        var latest = lateness.OrderByDescending(l => l.Seconds).Take(5).Select(l => $"{l.Seconds:F2} s: {l.What}").ToList();
        var (hostCpu, azuriteCpu) = used.PerEvent(events);
        return new TimerFigures(speed, cases, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99),
            sorted.Length == 0 ? double.NaN : Math.Round(sorted[^1], 3), Percentile(unstalled, 0.99), events, Math.Round(events / seconds, 1),
            Math.Round(seconds, 1), (int)worker.Handler.Count(nameof(HandOffToLegal)), worker.Handler.DistinctKeys, worker.Handler.RepeatedKeys,
            stalls.StallsBetween(started, ended), Math.Round(stalls.StalledSeconds(started, ended), 1), hostCpu, azuriteCpu,
            worker.Engine.PollingFor(speed).TotalMilliseconds, worker.Warnings.Count, worker.Warnings.First, latest);
    }

    /// <summary>Nearest-rank percentile of an ascending array (NaN when empty).</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 3);
}
