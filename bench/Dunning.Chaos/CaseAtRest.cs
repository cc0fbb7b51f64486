using Dunning.Domain;
using Dunning.Workflow;
using Microsoft.DurableTask.Client;

namespace Dunning.Chaos;

/// <summary>A case as the run leaves it: its stored snapshot, its history, the commands its command log still holds
/// unapplied, and its workflow's instance in the task hub (null when there is none).</summary>
public sealed record CaseAtRest(
    string CaseId,
    CaseSnapshot? Stored,
    IReadOnlyList<CaseEvent> History,
    IReadOnlyList<string> Unapplied,
    OrchestrationMetadata? Workflow)
{
    public static async Task<IReadOnlyList<CaseAtRest>> ReadAsync(ChaosDriver driver, IEnumerable<string> caseIds, CancellationToken cancellationToken = default)
    {
        var ids = caseIds.ToList();
        var cases = new CaseAtRest[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => cases[i] = await ReadAsync(driver, ids[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return cases;
    }

    public static async Task<CaseAtRest> ReadAsync(ChaosDriver driver, string caseId, CancellationToken cancellationToken = default)
    {
        var stored = await driver.Store.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        var history = (await driver.Store.ReadHistoryAsync(caseId, cancellationToken).ConfigureAwait(false)).OrderBy(h => h.Seq).Select(h => h.Event).ToList();
        var unapplied = (await driver.Log.ReadUnappliedAsync(caseId, cancellationToken).ConfigureAwait(false)).Select(c => c.Id).ToList();
        var workflow = await driver.Client.GetInstanceAsync(caseId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        return new CaseAtRest(caseId, stored, history, unapplied, workflow);
    }
}
