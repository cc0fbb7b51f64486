using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Chaos;

/// <summary>Waits, after the chaos, until the run has come to rest: every case at an end of its own, no message visible,
/// and still so a visibility timeout later (so a message a killed worker held has come back and been handled). It waits
/// as long as cases keep settling, and gives up only when none has settled for <c>stallTimeout</c>: a slow machine
/// takes longer to work off the backlog, which is not a failure; a stuck case is.</summary>
public static class Quiescence
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(3);

    public static async Task<bool> WaitAsync(StorageClients storage, CaseStore store, IReadOnlyList<OpenCase> cases, TimeSpan stallTimeout,
        Action<string> progress, CancellationToken cancellationToken = default)
    {
        var lastSettled = TimeProvider.System.GetTimestamp();
        var lastReport = lastSettled;
        // Once the traffic has stopped, a case at an end of its own (closed, with legal, paused without an end) stays there,
        // so only the others are read again: each read is a scan of every state row on Azurite.
        var remaining = cases.Select(c => c.CaseId).ToList();
        while (TimeProvider.System.GetElapsedTime(lastSettled) < stallTimeout)
        {
            var before = remaining.Count;
            remaining = await NotFinalAsync(store, remaining, cancellationToken).ConfigureAwait(false);
            if (remaining.Count < before)
            {
                lastSettled = TimeProvider.System.GetTimestamp();
            }

            if (remaining.Count == 0 && !await AnyVisibleAsync(storage, cancellationToken).ConfigureAwait(false))
            {
                await Task.Delay(ChaosClock.VisibilityTimeout + TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                if ((await NotFinalAsync(store, cases.Select(c => c.CaseId).ToList(), cancellationToken).ConfigureAwait(false)).Count == 0
                    && !await AnyVisibleAsync(storage, cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }
            }

            if (TimeProvider.System.GetElapsedTime(lastReport) >= TimeSpan.FromSeconds(10))
            {
                progress($"waiting for {remaining.Count} case(s) still on their ladder");
                lastReport = TimeProvider.System.GetTimestamp();
            }

            await Task.Delay(PollEvery, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private static async Task<List<string>> NotFinalAsync(CaseStore store, IReadOnlyList<string> caseIds, CancellationToken cancellationToken)
    {
        var notFinal = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(caseIds, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (!NoCaseStuck.IsFinal(await store.GetAsync(id, ct).ConfigureAwait(false)))
            {
                notFinal.Add(id);
            }
        }).ConfigureAwait(false);
        return [.. notFinal];
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
