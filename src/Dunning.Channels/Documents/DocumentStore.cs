using Azure;
using Azure.Storage.Blobs.Models;
using Dunning.Channels.Hosting;

namespace Dunning.Channels.Documents;

/// <summary>Rendered notices, reports and dossiers in Blob Storage. A document is written once: a second attempt under
/// the same name keeps (and returns) the first one, so the hash in the case history always matches the stored bytes
/// and what was e-mailed or posted, even if templates or configuration changed in between.</summary>
public sealed class DocumentStore(ChannelStorage storage)
{
    private const string KeyMetadata = "idempotencykey";
    private const string HashMetadata = "sha256";

    /// <summary>If-None-Match: * is Blob Storage's add-to-create (the only way to create a blob with its metadata in one
    /// conditional request): 409 when the blob exists. Never used to overwrite.</summary>
    private static readonly BlobRequestConditions CreateOnly = new() { IfNoneMatch = ETag.All };

    public async Task<StoredDocument> PutOnceAsync(string blobName, byte[] content, string contentType, string idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var blob = storage.Documents.GetBlobClient(blobName);
        var sha256 = DocumentNames.Sha256Of(content);
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = new Dictionary<string, string> { [KeyMetadata] = idempotencyKey, [HashMetadata] = sha256 },
                Conditions = CreateOnly,
            }, cancellationToken).ConfigureAwait(false);
            return new StoredDocument(LocationOf(blobName), sha256, content, Created: true);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            var existing = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var bytes = existing.Value.Content.ToArray();
            return new StoredDocument(LocationOf(blobName), DocumentNames.Sha256Of(bytes), bytes, Created: false);
        }
    }

    /// <summary>The stored bytes, or null when there is no such document.</summary>
    public async Task<byte[]?> ReadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await storage.Documents.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>A metadata value of a stored document (e.g. when a follow-up step was done), or null.</summary>
    public async Task<string?> GetMarkAsync(string blobName, string name, CancellationToken cancellationToken = default)
    {
        var properties = await storage.Documents.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return properties.Value.Metadata.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>Adds a metadata value to a stored document, keeping the others; the content is untouched. Written with
    /// the ETag read; a concurrent change of the metadata (412) makes it read and write again.</summary>
    public async Task SetMarkAsync(string blobName, string name, string value, CancellationToken cancellationToken = default)
    {
        var blob = storage.Documents.GetBlobClient(blobName);
        await ChannelRetries.ConcurrentUpdates.ExecuteAsync(async token =>
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: token).ConfigureAwait(false);
            var metadata = new Dictionary<string, string>(properties.Value.Metadata) { [name] = value };
            await blob.SetMetadataAsync(metadata, new BlobRequestConditions { IfMatch = properties.Value.ETag }, token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public string LocationOf(string blobName) => $"{storage.Names.Documents}/{blobName}";
}
