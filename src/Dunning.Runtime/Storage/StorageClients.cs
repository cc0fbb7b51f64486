using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Dunning.Runtime;

/// <summary>The table and queue clients of one storage account, built with the same pipeline policies (request
/// counting, and in tests fault injection) so every request is seen.</summary>
public sealed class StorageClients
{
    public StorageClients(RuntimeOptions options, RequestCounter counter, IEnumerable<StoragePolicy>? extraPolicies = null)
    {
        Names = new StorageNames(options.Prefix, options.QueueCount);
        Counter = counter;
        var policies = extraPolicies?.ToList() ?? [];

        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter.PolicyFor(StorageService.Table), HttpPipelinePosition.PerRetry);
        policies.ForEach(p => tableOptions.AddPolicy(p.For(StorageService.Table), HttpPipelinePosition.PerRetry));
        Tables = new TableServiceClient(options.StorageConnectionString, tableOptions);

        // Raw JSON bodies: the queue SDK's Base64 default would only cost bytes and readability.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        queueOptions.AddPolicy(counter.PolicyFor(StorageService.Queue), HttpPipelinePosition.PerRetry);
        policies.ForEach(p => queueOptions.AddPolicy(p.For(StorageService.Queue), HttpPipelinePosition.PerRetry));
        Queues = new QueueServiceClient(options.StorageConnectionString, queueOptions);

        Cases = Tables.GetTableClient(Names.Cases);
        CaseIndex = Tables.GetTableClient(Names.CaseIndex);
        Payments = Tables.GetTableClient(Names.Payments);
        Unmatched = Tables.GetTableClient(Names.UnmatchedPayments);
        Campaigns = Tables.GetTableClient(Names.Campaigns);
        Inbox = Names.InboxQueues.Select(Queues.GetQueueClient).ToList();
        Poison = Queues.GetQueueClient(Names.PoisonQueue);
    }

    public StorageNames Names { get; }
    public RequestCounter Counter { get; }
    public TableServiceClient Tables { get; }
    public QueueServiceClient Queues { get; }
    public TableClient Cases { get; }
    public TableClient CaseIndex { get; }
    public TableClient Payments { get; }
    public TableClient Unmatched { get; }
    public TableClient Campaigns { get; }
    public IReadOnlyList<QueueClient> Inbox { get; }
    public QueueClient Poison { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in Names.Tables)
        {
            await Tables.CreateTableIfNotExistsAsync(table, cancellationToken).ConfigureAwait(false);
        }

        foreach (var queue in Inbox.Append(Poison))
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Inbox queue of a case: a stable hash (FNV-1a) of its id, so one case always lands on one queue.</summary>
    public QueueClient InboxFor(string caseId)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(caseId))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return Inbox[(int)(hash % (uint)Inbox.Count)];
    }
}
