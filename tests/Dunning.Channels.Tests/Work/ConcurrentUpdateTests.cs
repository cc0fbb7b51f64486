using Azure;
using Dunning.Channels.Work;
using Dunning.Workflow.Tests;

namespace Dunning.Channels.Tests;

/// <summary>A read-modify-write that loses the ETag race reads again and re-applies its change (the retry policy of
/// <see cref="ChannelRetries.ConcurrentUpdates"/>), so neither writer's change is lost; a race lost every time ends in
/// the 412 after a bounded number of tries.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConcurrentUpdateTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GivenAnotherWriterBetweenTheReadAndTheWrite_WhenAWorkItemIsUpdated_ThenTheChangeIsAppliedAgainOnTopOfTheirs()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var visit = await h.Work.CreateAsync(FieldWorkTests.Item("c60", "k1", WorkItemKind.Visit));
        var tries = 0;

        var updated = await h.Work.UpdateAsync(WorkItemKind.Visit, visit.Id, current =>
        {
            if (tries++ == 0)
            {
                // The other writer commits after this read: this attempt's ETag is stale.
                h.Work.UpdateAsync(WorkItemKind.Visit, visit.Id, other => other with { AssignedRegion = "north" }).GetAwaiter().GetResult();
            }

            return current with { AssignedCollector = "col-7" };
        });

        Assert.Equal(2, tries);
        var stored = await h.Work.GetAsync(WorkItemKind.Visit, visit.Id);
        Assert.Equal(("col-7", "north"), (stored!.AssignedCollector, stored.AssignedRegion));
        Assert.Equal(stored.ETag, updated!.ETag);
    }

    [Fact]
    public async Task GivenAnotherWriterWinsEveryTime_WhenAWorkItemIsUpdated_ThenThePreconditionFailureIsThrownAfterTheBoundedTries()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var call = await h.Work.CreateAsync(FieldWorkTests.Item("c61", "k1", WorkItemKind.Call));
        var tries = 0;

        var lost = await Assert.ThrowsAsync<RequestFailedException>(() => h.Work.UpdateAsync(WorkItemKind.Call, call.Id, current =>
        {
            tries++;
            h.Work.UpdateAsync(WorkItemKind.Call, call.Id, other => other with { Notes = $"other writer {tries}" }).GetAwaiter().GetResult();
            return current with { AssignedCollector = "col-7" };
        }));

        Assert.Equal((412, ChannelRetries.MaxUpdateAttempts), (lost.Status, tries));
        Assert.Null((await h.Work.GetAsync(WorkItemKind.Call, call.Id))!.AssignedCollector);
    }

    [Fact]
    public async Task GivenAnotherWriterBetweenTheReadAndTheWrite_WhenAMessageRecordIsUpdated_ThenBothChangesAreKept()
    {
        var kit = await DeliveryReports.ReportsTestKit.CreateAsync(azurite);
        await kit.Capture().SendAsync(new OutgoingSms("c62", "k1", "c62:1", "+8613800138000", "Due."));
        var tries = 0;

        await kit.Log.UpdateAsync("c62", "k1", current =>
        {
            if (tries++ == 0)
            {
                kit.Log.UpdateAsync("c62", "k1", other => other with { Detail = "carrier accepted" }).GetAwaiter().GetResult();
            }

            return current with { Status = "Delivered" };
        });

        var stored = await kit.Log.FindAsync("c62", "k1");
        Assert.Equal((2, "Delivered", "carrier accepted"), (tries, stored!.Status, stored.Detail));
    }
}
