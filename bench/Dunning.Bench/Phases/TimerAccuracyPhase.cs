using System.Diagnostics;
using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Bench;

/// <summary>How late timers fire when the processors are not overloaded: a few hundred cases, due on seven different
/// days in six zones, run their whole ladder on a virtual clock; every step a timer took is compared with its
/// schedule, in real time: (StepReached.At - ScheduledFor) / speed. Opened before their pre-due step, so every step is a
/// timer firing (a step taken by the opening itself is left out).</summary>
public static class TimerAccuracyPhase
{
    public const string Prefix = "tm";

    // Opened three days and more before the first pre-due step, so the openings are done long before any timer is due.
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly FirstDue = new(2026, 12, 6);

    public static async Task<TimerFigures> RunAsync(RuntimeWorker worker, int cases, AzuriteStallMonitor stalls, CancellationToken cancellationToken = default)
    {
        var speed = worker.Clock.Speed;
        var opens = Enumerable.Range(0, cases)
            .Select(i => BenchCases.Open(Prefix, i, FirstDue.AddDays(i % 7), worker.Clock.GetUtcNow()))
            .ToList();
        await Parallel.ForEachAsync(opens, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (open, ct) => await worker.Inbox.SendAsync(open.CaseId, open, cancellationToken: ct).ConfigureAwait(false)).ConfigureAwait(false);
        await worker.StartProcessorsAsync(cancellationToken).ConfigureAwait(false);
        var started = TimeProvider.System.GetTimestamp();

        // The last legal hand-off is 30 days after the last due date; give it that long on the virtual clock, and a margin.
        var lastStep = new DateTimeOffset(FirstDue.AddDays(6 + 31).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var deadline = TimeSpan.FromSeconds((lastStep - Start).TotalSeconds / speed) + TimeSpan.FromSeconds(30);
        while (worker.Handler.Count(nameof(HandOffToLegal)) < cases && TimeProvider.System.GetElapsedTime(started) < deadline)
        {
            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }

        var ended = TimeProvider.System.GetTimestamp();
        var seconds = TimeProvider.System.GetElapsedTime(started, ended).TotalSeconds;
        var events = worker.Watch.Finished;
        await worker.StopProcessorsAsync().ConfigureAwait(false);

        // Where each firing falls in real time, to tell the firings an Azurite stall delayed from the others.
        var (nowStamp, virtualNow) = (Stopwatch.GetTimestamp(), worker.Clock.GetUtcNow());
        long RealStamp(DateTimeOffset instant) => nowStamp - (long)((virtualNow - instant).TotalSeconds / speed * Stopwatch.Frequency);
        var backlogAfterStall = (long)(2 * Stopwatch.Frequency);
        var lateness = new List<(double Seconds, string What, bool Stalled)>();
        foreach (var open in opens)
        {
            var history = (await worker.Store.ReadHistoryAsync(open.CaseId, cancellationToken).ConfigureAwait(false)).Select(h => h.Event).ToList();
            var openedAt = history.OfType<CaseOpened>().FirstOrDefault()?.At;
            lateness.AddRange(history.OfType<StepReached>()
                .Where(s => s.At != openedAt)
                .Select(s => ((s.At - s.ScheduledFor).TotalSeconds / speed, $"{open.CaseId} {s.Step} due {s.ScheduledFor:O} in {open.Debtor.TimeZone}, taken {s.At:O}",
                    stalls.StallsBetween(RealStamp(s.ScheduledFor) - backlogAfterStall, RealStamp(s.At)) > 0)));
        }

        var sorted = lateness.Select(l => l.Seconds).Order().ToArray();
        var unstalled = lateness.Where(l => !l.Stalled).Select(l => l.Seconds).Order().ToArray();
        var latest = lateness.OrderByDescending(l => l.Seconds).Take(5).Select(l => $"{l.Seconds:F2} s: {l.What}").ToList();
        return new TimerFigures(speed, cases, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99),
            sorted.Length == 0 ? double.NaN : Math.Round(sorted[^1], 3), Percentile(unstalled, 0.99), Math.Round(events / seconds, 1), Math.Round(seconds, 1),
            (int)worker.Handler.Count(nameof(HandOffToLegal)), stalls.StallsBetween(started, ended), Math.Round(stalls.StalledSeconds(started, ended), 1), latest);
    }

    /// <summary>Nearest-rank percentile of an ascending array (NaN when empty).</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 3);
}
