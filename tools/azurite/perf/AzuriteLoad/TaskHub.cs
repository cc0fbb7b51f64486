using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace AzuriteLoad;

/// <summary>The storage one Durable Task hub uses: four control queues (one per partition), the work-item queue, the
/// History and Instances tables and the large-message container.</summary>
public sealed record TaskHub(
    IReadOnlyList<QueueClient> ControlQueues,
    QueueClient WorkItems,
    TableClient History,
    TableClient Instances,
    BlobContainerClient LargeMessages)
{
    public const int Partitions = 4;

    public static async Task<TaskHub> CreateAsync(string connectionString, string name)
    {
        var controls = Enumerable.Range(0, Partitions).Select(p => new QueueClient(connectionString, $"{name}-control-{p:00}")).ToList();
        var workItems = new QueueClient(connectionString, $"{name}-workitems");
        var history = new TableClient(connectionString, name + "History");
        var instances = new TableClient(connectionString, name + "Instances");
        var blobs = new BlobContainerClient(connectionString, name + "-largemessages");
        foreach (var queue in controls.Append(workItems))
        {
            await queue.CreateAsync();
        }

        await history.CreateAsync();
        await instances.CreateAsync();
        await blobs.CreateAsync();
        return new TaskHub(controls, workItems, history, instances, blobs);
    }
}

/// <summary>Counts what the instances did; shared by all of them.</summary>
public sealed class OperationCounter
{
    private long total;
    private long steps;
    private long errors;

    public long Total => Interlocked.Read(ref total);

    public long Steps => Interlocked.Read(ref steps);

    public long Errors => Interlocked.Read(ref errors);

    public void Operation() => Interlocked.Increment(ref total);

    public void Step() => Interlocked.Increment(ref steps);

    public void Error() => Interlocked.Increment(ref errors);
}
