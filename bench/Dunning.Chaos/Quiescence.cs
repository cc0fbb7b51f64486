using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Chaos;

/// <summary>Waits, after the chaos, until the run has come to rest: every case at an end of its own, no message visible,
/// and still so a visibility timeout later (so a message a killed worker held has come back and been handled).</summary>
public static class Quiescence
{
    public static async Task<bool> WaitAsync(StorageClients storage, CaseStore store, IReadOnlyList<OpenCase> cases, TimeSpan timeout,
        Action<string> progress, CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        var lastReport = TimeSpan.Zero;
        while (TimeProvider.System.GetElapsedTime(started) < timeout)
        {
            var open = await CountNotFinalAsync(store, cases, cancellationToken).ConfigureAwait(false);
            if (open == 0 && !await AnyVisibleAsync(storage, cancellationToken).ConfigureAwait(false))
            {
                await Task.Delay(ChaosClock.VisibilityTimeout + TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                if (await CountNotFinalAsync(store, cases, cancellationToken).ConfigureAwait(false) == 0
                    && !await AnyVisibleAsync(storage, cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }
            }

            var elapsed = TimeProvider.System.GetElapsedTime(started);
            if (elapsed - lastReport >= TimeSpan.FromSeconds(10))
            {
                progress($"waiting for {open} case(s) still on their ladder");
                lastReport = elapsed;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private static async Task<int> CountNotFinalAsync(CaseStore store, IReadOnlyList<OpenCase> cases, CancellationToken cancellationToken)
    {
        var notFinal = 0;
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (c, ct) =>
        {
            if (!NoCaseStuck.IsFinal(await store.GetAsync(c.CaseId, ct).ConfigureAwait(false)))
            {
                Interlocked.Increment(ref notFinal);
            }
        }).ConfigureAwait(false);
        return notFinal;
    }

    private static async Task<bool> AnyVisibleAsync(StorageClients storage, CancellationToken cancellationToken)
    {
        foreach (var queue in storage.Inbox)
        {
            if ((await queue.PeekMessagesAsync(1, cancellationToken).ConfigureAwait(false)).Value.Length > 0)
            {
                return true;
            }
        }

        return false;
    }
}
