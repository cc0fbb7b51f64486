using Azure.Data.Tables;
using Dunning.Domain;

namespace Dunning.Workflow.Tests;

/// <summary>The task hub keeps only live workflows: once a case's end is committed and its workflow has ended, its
/// Durable history and instance row are purged, while the case tables keep the case's own history; a later command
/// starts the workflow again from the stored case.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EndedWorkflowPurgeTests(AzuriteFixture storage, LocalEngineFixture engine) : IClassFixture<LocalEngineFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task GivenACasePaidInFull_WhenItsWorkflowHasEnded_ThenItsDurableHistoryIsPurgedAndTheCaseKeepsItsOwn()
    {
        var host = await engine.UseAsync(storage);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.OpenAsync(open);
        await host.Commands.SubmitAsync(open.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), "FULL-P", new Money(12000m, "CNY")), "pay-FULL-P");

        await Wait.UntilAsync(async () => await host.Client.GetInstanceAsync(open.CaseId) is null, Patience, "the ended workflow purged");

        Assert.Empty(await DurableHistoryAsync(host, open.CaseId));
        Assert.Equal(CaseStatus.Closed, (await host.Store.GetAsync(open.CaseId))!.State.Status);
        Assert.Contains((await host.HistoryAsync(open.CaseId)).OfType<CaseClosed>(), c => c.ClosedReason == ClosedReason.PaidInFull);
    }

    [Fact]
    public async Task GivenAPurgedWorkflow_WhenALatePaymentArrives_ThenTheWorkflowStartsAgainAppliesItAndIsPurgedAgain()
    {
        var host = await engine.UseAsync(storage);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.OpenAsync(open);
        await host.Commands.SubmitAsync(open.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), "FULL-Q", new Money(12000m, "CNY")), "pay-FULL-Q");
        await Wait.UntilAsync(async () => await host.Client.GetInstanceAsync(open.CaseId) is null, Patience, "the ended workflow purged");

        await host.Commands.SubmitAsync(open.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), "LATE-Q", new Money(30m, "CNY")), "pay-LATE-Q");

        var state = await host.WaitForAsync(open.CaseId, s => s.PaymentIds.Contains("LATE-Q"), Patience, "the late payment applied");
        Assert.Equal(-30m, state.Outstanding.Amount);
        await Wait.UntilAsync(async () => await host.Client.GetInstanceAsync(open.CaseId) is null, Patience, "the restarted workflow purged again");
        Assert.Empty(await host.Log.ReadUnappliedAsync(open.CaseId));
    }

    /// <summary>The task hub's history rows of one instance (the backend's History table is partitioned by instance id).</summary>
    private static async Task<List<TableEntity>> DurableHistoryAsync(WorkflowHost host, string caseId)
    {
        var table = new TableClient(storage(host), host.Prefix + "History");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}")))
        {
            rows.Add(row);
        }

        return rows;

        static string storage(WorkflowHost h) => h.Get<Dunning.Channels.Storage.StorageOptions>().ConnectionString;
    }
}
