using Dunning.Workflow;

namespace Dunning.Bench;

/// <summary>What a host costs when nothing is due: one host of the case workflow on the Durable engine (its default
/// settings at real time: idle queues polled with a back-off up to 10 s, partition leases renewed every 10 s, the command
/// sweep every 5 s), with no case at all, seen through a counting proxy so the engine's own requests are counted with
/// Dunning's. Runs beside the timer phase, on a task hub and prefix of its own, after its back-off has settled.</summary>
public static class IdleCostProbe
{
    public const string Prefix = "idle";

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    public static async Task<IdleFigures> RunAsync(CountingProxy proxy, TimeSpan window, CancellationToken cancellationToken = default)
    {
        await using var host = await WorkflowWorker.StartAsync(proxy.ConnectionString, Prefix, new ClockOptions(), cancellationToken).ConfigureAwait(false);
        await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);
        var before = proxy.Snapshot();
        var started = TimeProvider.System.GetTimestamp();
        await Task.Delay(window, cancellationToken).ConfigureAwait(false);
        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        var after = proxy.Snapshot();

        var byOperation = after.ToDictionary(r => r.Key, r => r.Value - before.GetValueOrDefault(r.Key), StringComparer.Ordinal);
        var requests = byOperation.Values.Sum();
        // The queues a host polls: one control queue per partition (it owns them all) and the work-item queue.
        var queues = host.Engine.PartitionCount + 1;
        return new IdleFigures(queues, Math.Round(seconds, 1), requests, Math.Round(requests / (seconds / 60), 1),
            Math.Round(requests / (seconds / 60) / queues, 1), host.Engine.PollingFor(1).TotalSeconds, byOperation.Where(o => o.Value > 0)
                .ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal));
    }
}
