using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Bench;

/// <summary>Puts open cases in place for the scale phase faster than the processors can on Azurite: each case is
/// decided by the real domain (open, due far ahead so nothing fires) and written as the processor would leave it: its
/// state row (the entity <see cref="CaseStore"/> writes) and its case-index entry (the entity
/// <see cref="ReadModelStore.ApplyAsync"/> writes, 100 to a transaction since they share the status partition).
/// History rows and markers are left out: listing reads neither.</summary>
public static class CaseSeeder
{
    public const string Run = "sc";
    private const int Batch = 100;

    public static async Task SeedAsync(StorageClients storage, int from, int to, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var policy = PolicyCatalog.Default.Latest("default")!;
        var due = DateOnly.FromDateTime(now.UtcDateTime).AddDays(120);
        var chunks = Enumerable.Range(from, to - from).Chunk(Batch);
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (chunk, ct) =>
        {
            var cases = chunk.Select(i =>
            {
                var open = BenchCases.Open(Run, i, due, now);
                var events = CaseDecider.Decide(null, open, policy);
                var state = CaseEvolution.Replay(events)!;
                return (State: state, Events: events, Entry: Projections.For(null, state, events, policy, now)!.Entry);
            }).ToList();

            await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
                async (c, ct2) => await storage.Cases.AddEntityAsync(StateEntity(c.State, c.Events.Count), ct2).ConfigureAwait(false)).ConfigureAwait(false);
            await storage.CaseIndex.SubmitTransactionAsync(
                cases.Select(c => new TableTransactionAction(TableTransactionActionType.Add, IndexEntity(c.Entry))), ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static TableEntity StateEntity(CaseState state, int historySeq) => new(state.CaseId, RowKeys.State)
    {
        ["Version"] = state.Version,
        ["Status"] = state.Status.ToString(),
        ["Stage"] = state.Stage,
        ["PolicyId"] = state.PolicyId,
        ["PolicyVersion"] = state.PolicyVersion,
        ["HistorySeq"] = (long)historySeq,
        ["OutboxSeq"] = 0L,
        ["Flagged"] = false,
        ["JsonChunks"] = 1,
        ["Json"] = JsonSerializer.Serialize(state, DomainJson.Options),
    };

    private static TableEntity IndexEntity(CaseIndexEntry entry) => new(entry.Status.ToString(), entry.CaseId)
    {
        ["Stage"] = entry.Stage,
        ["DueDate"] = entry.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Version"] = entry.Version,
        ["Json"] = JsonSerializer.Serialize(entry, DomainJson.Options),
    };
}
