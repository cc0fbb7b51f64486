using Dunning.Channels.Storage;
using Dunning.Domain;

namespace Dunning.Workflow.Tests;

/// <summary>The case index on Azurite when projections arrive out of order, as they do when a commit activity runs twice
/// (at-least-once delivery) or a lost execution's activity finishes late: the case is listed under the status it has now,
/// once, at its newest version.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadModelStoreTests(AzuriteFixture storage)
{
    private static readonly EscalationPolicy Policy = PolicyCatalog.Default.Latest("default")!;
    private static readonly DateTimeOffset Now = Cases.Local(11, 16, 10);

    [Fact]
    public async Task GivenACaseMovedToAnotherStatus_WhenTheEarlierProjectionLandsLast_ThenItIsListedUnderItsCurrentStatusOnly()
    {
        var (store, index) = await StartAsync();
        var opened = await CommitAsync(store, null, Cases.Open(Cases.NewAccount(), Now));
        var paused = await CommitAsync(store, opened, new PauseCase(Now, Cases.Supervisor, "checking the address"));

        await index.ApplyAsync(paused.Projection);
        await index.ApplyAsync(opened.Projection);

        Assert.Equal([(CaseStatus.Paused, paused.Version)], await ListedAsync(index, paused.CaseId));
    }

    [Fact]
    public async Task GivenACaseThatKeptItsStatus_WhenTheEarlierProjectionLandsLast_ThenTheNewerEntryStays()
    {
        var (store, index) = await StartAsync();
        var opened = await CommitAsync(store, null, Cases.Open(Cases.NewAccount(), Now));
        var classified = await CommitAsync(store, opened, new ClassifyDebtor(Now, Cases.Supervisor, "pays late, can pay", Willingness.Unwilling, Ability.Able));

        await index.ApplyAsync(classified.Projection);
        await index.ApplyAsync(opened.Projection);

        Assert.Equal([(CaseStatus.Active, classified.Version)], await ListedAsync(index, classified.CaseId));
        var listed = (await index.ListAsync(CaseStatus.Active, null, null, null, 1000, null)).Items.Single(i => i.CaseId == classified.CaseId);
        Assert.Equal(DebtorType.UnwillingAble, listed.DebtorType);
    }

    [Fact]
    public async Task GivenACaseBackInAnEarlierStatus_WhenTheProjectionThatLeftItLandsLast_ThenTheNewerRowIsNotRetired()
    {
        var (store, index) = await StartAsync();
        var opened = await CommitAsync(store, null, Cases.Open(Cases.NewAccount(), Now));
        var paused = await CommitAsync(store, opened, new PauseCase(Now, Cases.Supervisor, "checking the address"));
        var resumed = await CommitAsync(store, paused, new ResumeCase(Now, Cases.Supervisor, "address confirmed"));
        await index.ApplyAsync(opened.Projection);

        await index.ApplyAsync(resumed.Projection);
        await index.ApplyAsync(paused.Projection);

        Assert.Equal([(CaseStatus.Active, resumed.Version)], await ListedAsync(index, resumed.CaseId));
    }

    [Fact]
    public async Task GivenProjectionsInOrder_WhenOneIsAppliedAgain_ThenTheCaseIsListedOnceAtItsVersion()
    {
        var (store, index) = await StartAsync();
        var opened = await CommitAsync(store, null, Cases.Open(Cases.NewAccount(), Now));
        var paused = await CommitAsync(store, opened, new PauseCase(Now, Cases.Supervisor, "checking the address"));

        await index.ApplyAsync(opened.Projection);
        await index.ApplyAsync(paused.Projection);
        await index.ApplyAsync(paused.Projection);

        Assert.Equal([(CaseStatus.Paused, paused.Version)], await ListedAsync(index, paused.CaseId));
    }

    private async Task<(CaseStore Store, ReadModelStore Index)> StartAsync()
    {
        var tables = new CaseTables(new StorageAccount(
            new StorageOptions { ConnectionString = storage.ConnectionString, Prefix = storage.UniqueName("rm") }, new RequestCounter()));
        await tables.EnsureCreatedAsync();
        return (new CaseStore(tables), new ReadModelStore(tables));
    }

    /// <summary>Decides and commits a command the way the workflow does, and returns the projection its commit activity
    /// would apply.</summary>
    private static async Task<Committed> CommitAsync(CaseStore store, Committed? before, CaseCommand command)
    {
        var events = CaseDecider.Decide(before?.State, command, Policy);
        var after = events.Aggregate(before?.State, CaseEvolution.Evolve)!;
        var result = await store.CommitAsync(new CommitRequest(after.CaseId, before?.State.Version ?? 0, before?.ETag, before?.State.Status, after,
            events, 0, null, FlagChanged: false, [], Now));
        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        return new Committed(after, result.ETag, Projections.For(before?.State.Status, after, events, null, Policy, Now));
    }

    private static async Task<List<(CaseStatus, int)>> ListedAsync(ReadModelStore index, string caseId)
    {
        var listed = new List<(CaseStatus, int)>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            listed.AddRange((await index.ListAsync(status, null, null, null, 1000, null)).Items.Where(i => i.CaseId == caseId).Select(i => (i.Status, i.Version)));
        }

        return listed;
    }

    private sealed record Committed(CaseState State, string? ETag, CaseProjection Projection)
    {
        public string CaseId => State.CaseId;
        public int Version => State.Version;
    }
}
