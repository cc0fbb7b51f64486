using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;

namespace Dunning.Workflow.Tests;

/// <summary>
/// What the patch of tools/azurite changed (removals one document at a time, queue lookups through the queueName index,
/// dequeued messages updated one by one, entities found through the narrower key index, partition queries through the
/// PartitionKey index) must not change what the storage answers: each path it touches, through the SDK.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuritePatchedBehaviourTests(AzuriteFixture storage)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GivenTwoQueuesFilledInTurn_WhenEachIsDequeued_ThenEachGivesOnlyItsOwnMessagesInTheOrderSent()
    {
        var first = await CreateQueueAsync("patchfirst");
        var second = await CreateQueueAsync("patchsecond");
        for (var i = 0; i < 5; i++)
        {
            await first.SendMessageAsync($"first-{i}");
            await second.SendMessageAsync($"second-{i}");
        }

        var fromFirst = (await first.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: TimeSpan.FromMinutes(1))).Value;
        var peekedSecond = (await second.PeekMessagesAsync(maxMessages: 32)).Value;

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"first-{i}"), fromFirst.Select(message => message.Body.ToString()));
        Assert.All(fromFirst, message => Assert.Equal(1, message.DequeueCount));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"second-{i}"), peekedSecond.Select(message => message.Body.ToString()));
        Assert.Empty((await first.ReceiveMessagesAsync(maxMessages: 32)).Value);
        Assert.Equal(5, (await second.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task GivenMessagesReceivedWithAVisibilityTimeout_WhenSomeAreDeletedAndTheRestTimeOut_ThenOnlyTheRestComeBackCountedTwice()
    {
        var queue = await CreateQueueAsync("patchvisibility");
        for (var i = 0; i < 4; i++)
        {
            await queue.SendMessageAsync($"step-{i}");
        }

        var received = (await queue.ReceiveMessagesAsync(maxMessages: 4, visibilityTimeout: TimeSpan.FromSeconds(1))).Value;
        foreach (var message in received.Where(message => message.Body.ToString() is "step-0" or "step-2"))
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        var again = await Wait.ForAsync(
            async () => (await queue.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: TimeSpan.FromMinutes(1))).Value,
            messages => messages.Length > 0, Patience, "the undeleted messages to become visible again");

        Assert.Equal(4, received.Length);
        Assert.Equal(["step-1", "step-3"], again.Select(message => message.Body.ToString()));
        Assert.All(again, message => Assert.Equal(2, message.DequeueCount));
    }

    [Fact]
    public async Task GivenAMessageWithAShortTimeToLive_WhenItExpires_ThenItIsGoneAndTheOthersStay()
    {
        var queue = await CreateQueueAsync("patchexpiry");
        await queue.SendMessageAsync("lasting");
        await queue.SendMessageAsync("fleeting", visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(1));

        var left = await Wait.ForAsync(
            async () => (await queue.PeekMessagesAsync(maxMessages: 32)).Value,
            messages => messages.Length == 1, Patience, "the short-lived message to expire");

        Assert.Equal("lasting", Assert.Single(left).Body.ToString());
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task GivenAQueueWithMessages_WhenClearedOrDeleted_ThenItsMessagesAreGoneAndOtherQueuesKeepTheirs()
    {
        var cleared = await CreateQueueAsync("patchclear");
        var deleted = await CreateQueueAsync("patchdelete");
        var bystander = await CreateQueueAsync("patchbystander");
        foreach (var queue in new[] { cleared, deleted, bystander })
        {
            for (var i = 0; i < 3; i++)
            {
                await queue.SendMessageAsync($"{queue.Name}-{i}");
            }
        }

        await cleared.ClearMessagesAsync();
        await deleted.DeleteAsync();
        await deleted.CreateAsync();

        Assert.Empty((await cleared.PeekMessagesAsync(maxMessages: 32)).Value);
        Assert.Empty((await deleted.PeekMessagesAsync(maxMessages: 32)).Value);
        Assert.Equal(3, (await bystander.PeekMessagesAsync(maxMessages: 32)).Value.Length);
    }

    [Fact]
    public async Task GivenABlobWithSnapshots_WhenASnapshotThenTheBlobWithItsSnapshotsAreDeleted_ThenEachGoesAndItsNeighbourStays()
    {
        var container = await CreateContainerAsync("patchblobs");
        var blob = container.GetBlobClient("case-1/large-message.json");
        var neighbour = container.GetBlobClient("case-2/large-message.json");
        await blob.UploadAsync(BinaryData.FromString("v1"));
        await neighbour.UploadAsync(BinaryData.FromString("other"));
        var snapshot = (await blob.CreateSnapshotAsync()).Value.Snapshot;
        await blob.UploadAsync(BinaryData.FromString("v2"), overwrite: true);
        await blob.CreateSnapshotAsync();

        await blob.WithSnapshot(snapshot).DeleteAsync();
        var afterOne = await ListAsync(container);
        await blob.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots);
        var afterAll = await ListAsync(container);

        Assert.Equal(3, afterOne.Count);
        Assert.DoesNotContain(afterOne, item => item.Snapshot == snapshot);
        Assert.Equal(["case-2/large-message.json"], afterAll.Select(item => item.Name));
        Assert.Equal("other", (await neighbour.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task GivenStagedBlocks_WhenSomeAreCommitted_ThenTheBlobHoldsThoseAndTheUncommittedAreDropped()
    {
        var container = await CreateContainerAsync("patchblocks");
        var blob = container.GetBlockBlobClient("case-1/history.json");
        string[] ids = [.. Enumerable.Range(0, 3).Select(i => Convert.ToBase64String(BitConverter.GetBytes(i)))];
        for (var i = 0; i < ids.Length; i++)
        {
            await blob.StageBlockAsync(ids[i], BinaryData.FromString($"part{i};").ToStream());
        }

        await blob.CommitBlockListAsync([ids[0], ids[2]]);
        var blocks = (await blob.GetBlockListAsync(BlockListTypes.All)).Value;

        Assert.Equal("part0;part2;", (await blob.DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(2, blocks.CommittedBlocks.Count());
        Assert.Empty(blocks.UncommittedBlocks);
    }

    [Fact]
    public async Task GivenAContainerWithBlobs_WhenDeleted_ThenItsBlobsAreGoneAndAnotherContainersStay()
    {
        var doomed = await CreateContainerAsync("patchdoomed");
        var kept = await CreateContainerAsync("patchkept");
        foreach (var container in new[] { doomed, kept })
        {
            await container.GetBlobClient("a.json").UploadAsync(BinaryData.FromString(container.Name));
            await container.GetBlockBlobClient("b.json").StageBlockAsync("YmxvY2s=", BinaryData.FromString("staged").ToStream());
        }

        await doomed.DeleteAsync();
        await doomed.CreateAsync();

        Assert.Empty(await ListAsync(doomed));
        Assert.Equal(["a.json"], (await ListAsync(kept)).Select(item => item.Name));
        Assert.Equal(kept.Name, (await kept.GetBlobClient("a.json").DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task GivenRowsSharingTheirRowKeyAcrossPartitions_WhenEachIsReadUpdatedAndDeletedByItsKeys_ThenOnlyThatRowIsTouched()
    {
        // The Durable Task backend's instance rows all have the row key "" and its histories share "sentinel".
        var table = await CreateTableAsync("patchpoint");
        for (var i = 0; i < 20; i++)
        {
            await table.AddEntityAsync(new TableEntity($"instance-{i:00}", "") { ["Status"] = "Running" });
            await table.AddEntityAsync(new TableEntity($"instance-{i:00}", "sentinel") { ["Episode"] = i });
        }

        var read = (await table.GetEntityAsync<TableEntity>("instance-07", "")).Value;
        read["Status"] = "Completed";
        await table.UpdateEntityAsync(read, read.ETag, TableUpdateMode.Replace);
        await table.UpsertEntityAsync(new TableEntity("instance-08", "sentinel") { ["Episode"] = 99 }, TableUpdateMode.Merge);
        await table.DeleteEntityAsync("instance-09", "");
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();

        Assert.Equal(39, rows.Count);
        Assert.Equal(["instance-07"], rows.Where(row => row.GetString("Status") == "Completed").Select(row => row.PartitionKey));
        Assert.Equal(99, rows.Single(row => row.PartitionKey == "instance-08" && row.RowKey == "sentinel").GetInt32("Episode"));
        Assert.DoesNotContain(rows, row => row.PartitionKey == "instance-09" && row.RowKey == "");
        Assert.Equal(19, rows.Count(row => row.RowKey == "sentinel" && row.PartitionKey != "instance-08" && row.GetInt32("Episode") < 20));
    }

    [Fact]
    public async Task GivenKeysThatReadAsTheSameNumber_WhenEachIsAddedAndRead_ThenTheyStayDistinctRows()
    {
        var table = await CreateTableAsync("patchnumeric");
        await table.AddEntityAsync(new TableEntity("1", "1") { ["Which"] = "1/1" });
        await table.AddEntityAsync(new TableEntity("01", "1") { ["Which"] = "01/1" });
        await table.AddEntityAsync(new TableEntity("1", "01") { ["Which"] = "1/01" });

        var read = await Task.WhenAll(new[] { ("1", "1"), ("01", "1"), ("1", "01") }
            .Select(async keys => (await table.GetEntityAsync<TableEntity>(keys.Item1, keys.Item2)).Value.GetString("Which")));

        Assert.Equal(["1/1", "01/1", "1/01"], read);
    }

    [Fact]
    public async Task GivenSeveralPartitions_WhenQueriedWithFiltersThatFixThePartitionOrNot_ThenEachAnswersAsAScanWould()
    {
        var table = await CreateTableAsync("patchquery");
        var all = new List<TableEntity>();
        for (var p = 0; p < 4; p++)
        {
            for (var r = 0; r < 30; r++)
            {
                var row = new TableEntity($"case-{p}", r.ToString("D4", CultureInfo.InvariantCulture)) { ["Step"] = r % 3 };
                all.Add(row);
                await table.AddEntityAsync(row);
            }
        }

        var partition = await table.QueryAsync<TableEntity>("PartitionKey eq 'case-2'").ToListAsync();
        var reversed = await table.QueryAsync<TableEntity>("'case-2' eq PartitionKey and Step eq 1").ToListAsync();
        var paged = await table.QueryAsync<TableEntity>("PartitionKey eq 'case-1' and RowKey ge '0010'", maxPerPage: 7).ToListAsync();
        var either = await table.QueryAsync<TableEntity>("PartitionKey eq 'case-0' or PartitionKey eq 'case-3'").ToListAsync();
        var notEqual = await table.QueryAsync<TableEntity>("not (PartitionKey eq 'case-0') and Step eq 2").ToListAsync();

        Assert.Equal(Enumerable.Range(0, 30).Select(r => r.ToString("D4", CultureInfo.InvariantCulture)), partition.Select(row => row.RowKey));
        Assert.All(partition, row => Assert.Equal("case-2", row.PartitionKey));
        Assert.Equal(10, reversed.Count);
        Assert.All(reversed, row => Assert.Equal(("case-2", 1), (row.PartitionKey, row.GetInt32("Step"))));
        Assert.Equal(Enumerable.Range(10, 20).Select(r => r.ToString("D4", CultureInfo.InvariantCulture)), paged.Select(row => row.RowKey));
        Assert.Equal(60, either.Count);
        Assert.Equal(30, notEqual.Count);
        Assert.DoesNotContain(notEqual, row => row.PartitionKey == "case-0");
    }

    private async Task<QueueClient> CreateQueueAsync(string prefix)
    {
        var queue = new QueueClient(storage.ConnectionString, storage.UniqueName(prefix));
        await queue.CreateAsync();
        return queue;
    }

    private async Task<TableClient> CreateTableAsync(string prefix)
    {
        var table = new TableServiceClient(storage.ConnectionString).GetTableClient(storage.UniqueName(prefix));
        await table.CreateAsync();
        return table;
    }

    private async Task<BlobContainerClient> CreateContainerAsync(string prefix)
    {
        var container = new BlobContainerClient(storage.ConnectionString, storage.UniqueName(prefix));
        await container.CreateAsync();
        return container;
    }

    private static async Task<List<BlobItem>> ListAsync(BlobContainerClient container) =>
        await container.GetBlobsAsync(new GetBlobsOptions { States = BlobStates.Snapshots }).ToListAsync();

}
