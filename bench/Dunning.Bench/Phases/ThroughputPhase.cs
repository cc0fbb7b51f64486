using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Bench;

/// <summary>Drives cases through the default ladder on a fast virtual clock with the processors saturated, and counts
/// the case events (inbox messages processed) in a fixed window after a warm-up.
/// A feeder plays the campaign import: it keeps <see cref="Backlog"/> openings waiting, no more, so the processors never
/// run dry while the timers of the cases already open come due between the openings. At two days per second a case runs
/// its whole ladder (about 31 virtual days) in about 16 s, so after the warm-up the window sees the ladder's own mix:
/// roughly one opening to seven timer firings.</summary>
public static class ThroughputPhase
{
    public const string Prefix = "tp";

    /// <summary>Two receive batches' worth: enough that a poll always finds an opening to take.</summary>
    private static readonly int Backlog = new RuntimeOptions().ReceiveBatchSize * 2;

    private const int Feeders = 4;

    public static async Task<ThroughputRun> RunAsync(RuntimeWorker worker, BenchOptions options, AzuriteStallMonitor stalls, CpuMeter cpu,
        Action<string> progress, CancellationToken cancellationToken = default)
    {
        // The feeder stands for the API: its own clients, so its sends are not counted as the runtime's cost.
        var feeder = new StorageClients(new RuntimeOptions { StorageConnectionString = worker.Options.StorageConnectionString, Prefix = Prefix },
            new RequestCounter());
        using var slots = new SemaphoreSlim(Backlog, Backlog);
        using var stopFeeding = new CancellationTokenSource();
        var sent = 0;
        long opened = 0;

        async Task FeedAsync()
        {
            while (!stopFeeding.IsCancellationRequested)
            {
                try
                {
                    await slots.WaitAsync(stopFeeding.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                var index = Interlocked.Increment(ref sent) - 1;
                if (index >= options.Cases)
                {
                    return;
                }

                // Due today in the debtor's zone: the opening itself takes the due-day step (or defers it to the window).
                var now = worker.Clock.GetUtcNow();
                var open = BenchCases.Open(Prefix, index, BenchCases.LocalDate(index, now), now);
                var envelope = CommandCodec.Encode(Guid.NewGuid().ToString("N"), open.CaseId, open);
                var receipt = await feeder.InboxFor(open.CaseId).SendMessageAsync(CommandCodec.Serialize(envelope),
                    timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: CancellationToken.None).ConfigureAwait(false);
                _ = ReleaseWhenOpenedAsync(receipt.Value.MessageId);
            }
        }

        async Task ReleaseWhenOpenedAsync(string messageId)
        {
            await worker.Watch.WhenDoneAsync(messageId).ConfigureAwait(false);
            worker.Watch.Forget(messageId);
            Interlocked.Increment(ref opened);
            slots.Release();
        }

        await worker.StartProcessorsAsync(cancellationToken).ConfigureAwait(false);
        var feeders = Enumerable.Range(0, Feeders).Select(_ => Task.Run(FeedAsync, CancellationToken.None)).ToList();

        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds), cancellationToken).ConfigureAwait(false);
        progress($"warm-up done: {Interlocked.Read(ref opened)} cases opened, {worker.Watch.Finished} events; measuring {options.Seconds} s");
        var requestsBefore = worker.Counter.Snapshot();
        var eventsBefore = worker.Watch.Finished;
        var opensBefore = Interlocked.Read(ref opened);
        var cpuBefore = cpu.Sample();
        var started = TimeProvider.System.GetTimestamp();

        await Task.Delay(TimeSpan.FromSeconds(options.Seconds), cancellationToken).ConfigureAwait(false);
        var ended = TimeProvider.System.GetTimestamp();
        var seconds = TimeProvider.System.GetElapsedTime(started, ended).TotalSeconds;
        var requestsAfter = worker.Counter.Snapshot();
        var events = worker.Watch.Finished - eventsBefore;
        var (runtimeCpu, azuriteCpu) = (cpu.Sample() - cpuBefore).PerEvent(events);
        var opens = Interlocked.Read(ref opened) - opensBefore;

        await stopFeeding.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(feeders).ConfigureAwait(false);
        await worker.StopProcessorsAsync().ConfigureAwait(false);

        var requests = requestsAfter.ToDictionary(r => r.Key, r => r.Value - requestsBefore.GetValueOrDefault(r.Key), StringComparer.Ordinal);
        return new ThroughputRun(events, seconds, stalls.StalledSeconds(started, ended), opens, requests, (int)Interlocked.Read(ref opened),
            worker.Handler.Count(nameof(HandOffToLegal)), worker.Handler.DistinctKeys, worker.Handler.RepeatedKeys, runtimeCpu, azuriteCpu, worker.Warnings.Count, worker.Warnings.First);
    }
}

/// <summary>What the throughput window saw.</summary>
public sealed record ThroughputRun(
    long Events,
    double Seconds,
    double StalledSeconds,
    long OpensInWindow,
    IReadOnlyDictionary<string, long> Requests,
    int CasesOpened,
    long CasesHandedToLegal,
    long EffectsSent,
    int RepeatedKeys,
    double RuntimeCpuMsPerEvent,
    double AzuriteCpuMsPerEvent,
    long Warnings,
    IReadOnlyList<string> FirstWarnings);
