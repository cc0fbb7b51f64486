namespace Dunning.Bench;

/// <summary>What a worker costs when nothing is due: its processors poll empty queues, backing off to the idle maximum.
/// Runs beside the timer phase (its own queues and request counter), after a few seconds for the back-off to settle.</summary>
public static class IdleCostProbe
{
    public const string Prefix = "idle";

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<IdleFigures> RunAsync(RuntimeWorker worker, TimeSpan window, CancellationToken cancellationToken = default)
    {
        await worker.StartProcessorsAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);
        var before = worker.Counter.Snapshot();
        var started = TimeProvider.System.GetTimestamp();
        await Task.Delay(window, cancellationToken).ConfigureAwait(false);
        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        var after = worker.Counter.Snapshot();
        await worker.StopProcessorsAsync().ConfigureAwait(false);

        var byOperation = after.ToDictionary(r => r.Key, r => r.Value - before.GetValueOrDefault(r.Key), StringComparer.Ordinal);
        var requests = byOperation.Values.Sum();
        var queues = worker.Options.QueueCount;
        return new IdleFigures(queues, Math.Round(seconds, 1), requests, Math.Round(requests / (seconds / 60) / queues, 1), byOperation);
    }
}
