namespace Dunning.Workflow.Tests;

/// <summary>The local engine as every test host runs it (shared with the API tests): a task hub of its own, two
/// partitions, queues polled every 100 ms, and quick recovery, so a killed host's leases and queue messages come back to
/// the others within about 15 s instead of the defaults' minutes.</summary>
public static class TestEngine
{
    public static IReadOnlyDictionary<string, string> Settings(string taskHub) => new Dictionary<string, string>
    {
        ["Dunning:Durable:TaskHubName"] = taskHub,
        ["Dunning:Durable:PartitionCount"] = "2",
        ["Dunning:Durable:MaxQueuePollingInterval"] = "00:00:00.100",
        ["Dunning:Durable:LeaseInterval"] = "00:00:15",
        ["Dunning:Durable:LeaseRenewInterval"] = "00:00:03",
        ["Dunning:Durable:LeaseAcquireInterval"] = "00:00:03",
        ["Dunning:Durable:QueueVisibilityTimeout"] = "00:00:15",
    };
}
