using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;

namespace Dunning.Workflow.Tests;

/// <summary>
/// What the patch of tools/azurite changed (removals one document at a time, queue lookups through the queueName index,
/// dequeued messages updated one by one) must not change what the storage answers: each path it touches, through the SDK.
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

    private async Task<QueueClient> CreateQueueAsync(string prefix)
    {
        var queue = new QueueClient(storage.ConnectionString, storage.UniqueName(prefix));
        await queue.CreateAsync();
        return queue;
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
