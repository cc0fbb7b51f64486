using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dunning.Channels.Hosting;
using Dunning.Domain;

namespace Dunning.Channels.Documents;

/// <summary>The queue of letters for postal dispatch. A letter is queued once per idempotency key: a marker row
/// (PartitionKey case id, RowKey the key's outbox part) is checked before and written after sending. A crash between
/// the two can queue a letter twice; the message carries the key so the print room drops the repeat.</summary>
public sealed class PrintQueue(ChannelStorage storage)
{
    /// <summary>Queues <paramref name="letter"/> unless it was queued before; true when this call queued it.</summary>
    public async Task<bool> EnqueueOnceAsync(PrintLetter letter, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rowKey = letter.IdempotencyKey.Replace(':', '-');
        var marker = await storage.PrintMarkers.GetEntityIfExistsAsync<TableEntity>(letter.CaseId, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (marker.HasValue)
        {
            return false;
        }

        var body = JsonSerializer.Serialize(letter, DomainJson.Options);
        // Letters never expire: the queue's default time-to-live (7 days) would silently drop one an operator missed.
        var receipt = await storage.Print.SendMessageAsync(body, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            await storage.PrintMarkers.AddEntityAsync(new TableEntity(letter.CaseId, rowKey)
            {
                ["MessageId"] = receipt.Value.MessageId,
                ["Document"] = letter.Document,
                ["QueuedAt"] = letter.QueuedAt,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A concurrent attempt queued it too; the print room drops the repeat by its key.
        }

        return true;
    }

    /// <summary>The letters at the front of the queue, without taking them (at most 32, the queue's peek limit).</summary>
    public async Task<IReadOnlyList<QueuedLetter>> PeekAsync(int max = 32, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var messages = await storage.Print.PeekMessagesAsync(Math.Clamp(max, 1, 32), cancellationToken).ConfigureAwait(false);
        return messages.Value
            .Select(m => new QueuedLetter(m.MessageId, m.InsertedOn, JsonSerializer.Deserialize<PrintLetter>(m.Body.ToString(), DomainJson.Options)!))
            .ToList();
    }
}
