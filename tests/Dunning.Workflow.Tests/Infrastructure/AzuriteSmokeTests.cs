using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Dunning.Workflow.Tests;

/// <summary>
/// Proves the shared storage answers the Azure SDK the way the runtime relies on: tables, conditional
/// entity writes, entity-group transactions and queues, against a real Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteSmokeTests(AzuriteFixture storage)
{
    [Fact]
    public async Task GivenNewTable_WhenEntityIsAdded_ThenItReadsBackWithAnETag()
    {
        var table = await CreateTableAsync("smokeentity");

        await table.AddEntityAsync(new TableEntity("case-1", "profile") { ["Outstanding"] = "125.50" });
        var read = await table.GetEntityAsync<TableEntity>("case-1", "profile");

        Assert.Equal("125.50", read.Value.GetString("Outstanding"));
        Assert.NotEqual(default, read.Value.ETag);
    }

    [Fact]
    public async Task GivenEntityReadEarlier_WhenUpdatedWithStaleETag_ThenStorageAnswers412()
    {
        var table = await CreateTableAsync("smokeetag");
        await table.AddEntityAsync(new TableEntity("case-1", "state") { ["Step"] = "reminder" });
        var stale = (await table.GetEntityAsync<TableEntity>("case-1", "state")).Value;
        var fresh = (await table.GetEntityAsync<TableEntity>("case-1", "state")).Value;
        fresh["Step"] = "call";
        await table.UpdateEntityAsync(fresh, fresh.ETag, TableUpdateMode.Replace);

        stale["Step"] = "letter";
        var conflict = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(stale, stale.ETag, TableUpdateMode.Replace));

        Assert.Equal(412, conflict.Status);
    }

    [Fact]
    public async Task GivenPartition_WhenTransactionAddsTwoEntities_ThenBothAreStored()
    {
        var table = await CreateTableAsync("smoketx");

        var response = await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("case-1", "event-0001") { ["Kind"] = "Opened" }),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("case-1", "state") { ["Version"] = 1 }),
        ]);

        Assert.Equal(2, response.Value.Count);
        var stored = await table.QueryAsync<TableEntity>(entity => entity.PartitionKey == "case-1").ToListAsync();
        Assert.Equal(["event-0001", "state"], stored.Select(entity => entity.RowKey).Order());
    }

    [Fact]
    public async Task GivenExistingEntity_WhenTransactionAddsItAgain_ThenNothingInTheTransactionIsStored()
    {
        var table = await CreateTableAsync("smoketxfail");
        await table.AddEntityAsync(new TableEntity("case-1", "state") { ["Version"] = 1 });

        await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("case-1", "event-0002") { ["Kind"] = "Paid" }),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("case-1", "state") { ["Version"] = 2 }),
        ]));

        var stored = await table.QueryAsync<TableEntity>(entity => entity.PartitionKey == "case-1").ToListAsync();
        Assert.Equal("state", Assert.Single(stored).RowKey);
        Assert.Equal(1, Assert.Single(stored).GetInt32("Version"));
    }

    [Fact]
    public async Task GivenNewQueue_WhenMessageIsSentReceivedAndDeleted_ThenItRoundTripsAndTheQueueIsEmpty()
    {
        var queue = new QueueClient(storage.ConnectionString, storage.UniqueName("smokequeue"));
        await queue.CreateAsync();

        await queue.SendMessageAsync("""{"caseId":"case-1","token":7}""");
        var received = (await queue.ReceiveMessageAsync()).Value;
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        var peeked = (await queue.PeekMessagesAsync(maxMessages: 32)).Value;

        Assert.Equal("""{"caseId":"case-1","token":7}""", received.Body.ToString());
        Assert.Empty(peeked);
    }

    private async Task<TableClient> CreateTableAsync(string prefix)
    {
        var table = new TableServiceClient(storage.ConnectionString).GetTableClient(storage.UniqueName(prefix));
        await table.CreateAsync();
        return table;
    }
}
