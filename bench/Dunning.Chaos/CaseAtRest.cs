using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Chaos;

/// <summary>A case as storage holds it at the end: its state row, its history and any outbox rows not yet carried out.</summary>
public sealed record CaseSnapshot(string CaseId, StoredCase? Stored, IReadOnlyList<CaseEvent> History, IReadOnlyList<OutboxRow> Outbox)
{
    public static async Task<IReadOnlyList<CaseSnapshot>> ReadAsync(CaseStore store, IEnumerable<string> caseIds, CancellationToken cancellationToken = default)
    {
        var ids = caseIds.ToList();
        var snapshots = new CaseSnapshot[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var stored = await store.GetAsync(ids[i], ct).ConfigureAwait(false);
                var history = (await store.ReadHistoryAsync(ids[i], ct).ConfigureAwait(false)).OrderBy(h => h.Seq).Select(h => h.Event).ToList();
                var loaded = await store.LoadAsync(ids[i], null, ct).ConfigureAwait(false);
                snapshots[i] = new CaseSnapshot(ids[i], stored, history, loaded.Outbox);
            }).ConfigureAwait(false);
        return snapshots;
    }
}
