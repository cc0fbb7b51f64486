using Dunning.Domain;

namespace Dunning.Chaos;

/// <summary>Waits, after the chaos, until the run has come to rest: every case settled for good (finished with its
/// workflow ended, or waiting for a person with its workflow running) with no command left unapplied in its command log.
/// It waits as long as cases keep settling, and gives up only when none has settled for <c>stallTimeout</c>: a slow
/// machine takes longer to work off the backlog, which is not a failure; a stuck case is (the checks then say which).</summary>
public static class Quiescence
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(15);

    public static async Task<bool> WaitAsync(ChaosDriver driver, IReadOnlyList<string> caseIds, TimeSpan stallTimeout, Action<string> progress,
        CancellationToken cancellationToken = default)
    {
        var lastSettled = TimeProvider.System.GetTimestamp();
        var lastReport = lastSettled;
        // Once the traffic has stopped, a settled case stays settled, so only the others are read again.
        var remaining = caseIds.ToList();
        while (true)
        {
            var before = remaining.Count;
            remaining = await UnsettledAsync(driver, remaining, cancellationToken).ConfigureAwait(false);
            if (remaining.Count == 0)
            {
                return true;
            }

            if (remaining.Count < before)
            {
                lastSettled = TimeProvider.System.GetTimestamp();
            }
            else if (TimeProvider.System.GetElapsedTime(lastSettled) >= stallTimeout)
            {
                return false;
            }

            if (TimeProvider.System.GetElapsedTime(lastReport) >= ReportEvery)
            {
                progress($"waiting for {remaining.Count} case(s) still on their ladder");
                lastReport = TimeProvider.System.GetTimestamp();
            }

            await Task.Delay(PollEvery, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<string>> UnsettledAsync(ChaosDriver driver, IReadOnlyList<string> caseIds, CancellationToken cancellationToken)
    {
        var unsettled = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(caseIds, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (!await IsSettledAsync(driver, id, ct).ConfigureAwait(false))
            {
                unsettled.Add(id);
            }
        }).ConfigureAwait(false);
        return [.. unsettled];
    }

    /// <summary>A point read first (most cases are still on their ladder); only a case that looks settled costs its command
    /// log and its workflow's status. A case waiting for a person with a timer still ahead is settled too: when it fires
    /// the case stays paused.</summary>
    private static async Task<bool> IsSettledAsync(ChaosDriver driver, string caseId, CancellationToken cancellationToken)
    {
        var stored = await driver.Store.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (stored?.State is not ({ Status: CaseStatus.Closed or CaseStatus.HandedToLegal, Timer: null } or { Status: CaseStatus.Paused, PausedUntil: null }
            or { IsOpen: true, Disputed: true }))
        {
            return false;
        }

        var unapplied = (await driver.Log.ReadUnappliedAsync(caseId, cancellationToken).ConfigureAwait(false)).Select(c => c.Id).ToList();
        var workflow = await driver.Client.GetInstanceAsync(caseId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        return NoCaseStuck.IsSettled(new CaseAtRest(caseId, stored, [], unapplied, workflow));
    }
}
