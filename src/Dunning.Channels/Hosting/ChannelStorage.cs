using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Dunning.Channels.Storage;

namespace Dunning.Channels.Hosting;

/// <summary>The storage clients of the channels, on Dunning's storage account. The tables, container and queue are
/// created once per process, on first use or by <see cref="ChannelStorageInitializer"/> at start-up, whichever comes
/// first.</summary>
public sealed class ChannelStorage
{
    private readonly CreateOnce _create;

    public ChannelStorage(StorageAccount account)
    {
        Names = new ChannelStorageNames(account.Options.Prefix);
        Blobs = account.Blobs;
        Documents = Blobs.GetBlobContainerClient(Names.Documents);
        WorkItems = account.Tables.GetTableClient(Names.WorkItems);
        PrintMarkers = account.Tables.GetTableClient(Names.PrintMarkers);
        // The account's queues take raw JSON bodies: an operator reading the queue sees the letter, not Base64.
        Print = account.Queues.GetQueueClient(Names.PrintQueue);
        Tables = account.Tables;
        _create = new CreateOnce(async cancellationToken =>
        {
            await Tables.CreateTableIfNotExistsAsync(Names.WorkItems, cancellationToken).ConfigureAwait(false);
            await Tables.CreateTableIfNotExistsAsync(Names.PrintMarkers, cancellationToken).ConfigureAwait(false);
            await Documents.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await Print.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        });
    }

    public ChannelStorageNames Names { get; }
    public BlobServiceClient Blobs { get; }
    public BlobContainerClient Documents { get; }
    public TableServiceClient Tables { get; }
    public TableClient WorkItems { get; }
    public TableClient PrintMarkers { get; }
    public QueueClient Print { get; }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _create.EnsureAsync(cancellationToken);
}
