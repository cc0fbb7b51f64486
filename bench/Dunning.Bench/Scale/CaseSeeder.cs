using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Dunning.Domain;
using Dunning.Workflow;

namespace Dunning.Bench;

/// <summary>Puts open cases in place for the scale phase faster than workflows can on Azurite: each case is decided by
/// the real domain (open, due far ahead so nothing falls due) and committed by <see cref="CaseStore.CommitAsync"/> as its
/// workflow would commit it (state row and history rows in one transaction); its case-index entry is the entity
/// <see cref="ReadModelStore.ApplyAsync"/> writes, 100 to a transaction since they share the status partition. No
/// workflow runs for them: listing and reading a case need none.</summary>
public static class CaseSeeder
{
    public const string Run = "sc";
    private const int Batch = 100;

    public static async Task SeedAsync(CaseTables tables, int from, int to, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var policy = PolicyCatalog.Default.Latest("default")!;
        var store = new CaseStore(tables);
        var due = DateOnly.FromDateTime(now.UtcDateTime).AddDays(120);
        var chunks = Enumerable.Range(from, to - from).Chunk(Batch);
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (chunk, ct) =>
        {
            var cases = chunk.Select(i =>
            {
                var open = BenchCases.Open(Run, i, due, now);
                var events = CaseDecider.Decide(null, open, policy);
                var state = events.Aggregate((CaseState?)null, CaseEvolution.Evolve)!;
                var effects = CaseEffects.Derive(null, state, events).Count(e => e is not ArmTimer);
                return (Commit: new CommitRequest(state.CaseId, 0, null, null, state, events, effects, null, false, [], now),
                    Entry: Projections.For(null, state, events, null, policy, now).Entry);
            }).ToList();

            await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
                async (c, ct2) => await store.CommitAsync(c.Commit, ct2).ConfigureAwait(false)).ConfigureAwait(false);
            await tables.CaseIndex.SubmitTransactionAsync(
                cases.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, IndexEntity(c.Entry))), ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static TableEntity IndexEntity(CaseIndexEntry entry) => new(entry.Status.ToString(), entry.CaseId)
    {
        ["Stage"] = entry.Stage,
        ["DueDate"] = entry.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Version"] = entry.Version,
        ["Json"] = JsonSerializer.Serialize(entry, DomainJson.Options),
    };
}
