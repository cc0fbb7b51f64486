using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Dunning.Channels.Storage;

/// <summary>The one storage account of Dunning's own data: its table, blob and queue service clients, built once with the
/// same pipeline policies (request counting, and in tests and the chaos run fault injection), so every request is seen.
/// By connection string (Azurite, or an account key), or by identity with <paramref name="credential"/> when
/// <see cref="StorageOptions.AccountName"/> is set.</summary>
public sealed class StorageAccount
{
    public StorageAccount(StorageOptions options, RequestCounter counter, IEnumerable<StoragePolicy>? extraPolicies = null, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Counter = counter;
        var policies = extraPolicies?.ToList() ?? [];
        if (options.UsesIdentity && credential is null)
        {
            throw new InvalidOperationException($"{StorageOptions.Section}:AccountName is set: give the storage account a TokenCredential.");
        }

        var tableOptions = With(new TableClientOptions(), StorageService.Table);
        var blobOptions = With(new BlobClientOptions(), StorageService.Blob);
        // Raw JSON bodies: an operator reading a queue sees the message, not Base64.
        var queueOptions = With(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }, StorageService.Queue);
        if (options.UsesIdentity)
        {
            Tables = new TableServiceClient(options.ServiceUri("table"), credential, tableOptions);
            Blobs = new BlobServiceClient(options.ServiceUri("blob"), credential, blobOptions);
            Queues = new QueueServiceClient(options.ServiceUri("queue"), credential, queueOptions);
        }
        else
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
        }

        T With<T>(T clientOptions, StorageService service) where T : ClientOptions
        {
            clientOptions.AddPolicy(counter.PolicyFor(service), HttpPipelinePosition.PerRetry);
            policies.ForEach(p => clientOptions.AddPolicy(p.For(service), HttpPipelinePosition.PerRetry));
            return clientOptions;
        }
    }

    public StorageOptions Options { get; }

    public RequestCounter Counter { get; }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>A table of this deployment, by its name without the prefix.</summary>
    public TableClient Table(string name) => Tables.GetTableClient(Options.TablePrefix + name);
}
