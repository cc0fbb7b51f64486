using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dunning.Channels.Hosting;
using Dunning.Domain;

namespace Dunning.Channels.Documents;

/// <summary>The queue of letters for postal dispatch, one letter per idempotency key. The key's marker row
/// (PartitionKey case id, RowKey the key) is added, if absent, before the letter is queued, and then names the one
/// queue message that is the letter. A repeat of the key finds the marker: when it names a message, nothing is queued;
/// when it names none (an earlier attempt died between the two writes), the letter is queued and named now, and a
/// message the earlier attempt may have queued is a repeat the marker does not name. The print room's listing
/// (<see cref="PeekAsync"/>) leaves such repeats out, so a job repeated after a crash never prints twice.</summary>
public sealed class PrintQueue(ChannelStorage storage)
{
    private const string MessageIdColumn = "MessageId";

    /// <summary>Queues <paramref name="letter"/> unless its key was queued before; true when this call queued it.</summary>
    public async Task<bool> EnqueueOnceAsync(PrintLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var marker = new TableEntity(letter.CaseId, RowKeyOf(letter.IdempotencyKey))
        {
            ["Document"] = letter.Document,
            ["QueuedAt"] = letter.QueuedAt,
        };
        ETag claimed;
        try
        {
            claimed = (await storage.PrintMarkers.AddEntityAsync(marker, cancellationToken).ConfigureAwait(false)).Headers.ETag ?? default;
        }
        catch (RequestFailedException exists) when (exists.Status == 409)
        {
            var stored = (await storage.PrintMarkers.GetEntityAsync<TableEntity>(marker.PartitionKey, marker.RowKey,
                cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            if (stored.GetString(MessageIdColumn) is not null)
            {
                return false;
            }

            claimed = stored.ETag;
        }

        var body = JsonSerializer.Serialize(letter, DomainJson.Options);
        // Letters never expire: the queue's default time-to-live (7 days) would silently drop one an operator missed.
        var sent = (await storage.Print.SendMessageAsync(body, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken)
            .ConfigureAwait(false)).Value;
        try
        {
            marker[MessageIdColumn] = sent.MessageId;
            await storage.PrintMarkers.UpdateEntityAsync(marker, claimed, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException named) when (named.Status == 412)
        {
            // A concurrent attempt named its own message first: this one is the repeat.
            await storage.Print.DeleteMessageAsync(sent.MessageId, sent.PopReceipt, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>The letters at the front of the queue, without taking them (at most 32, the queue's peek limit), less the
    /// repeats of a key whose marker names another message.</summary>
    public async Task<IReadOnlyList<QueuedLetter>> PeekAsync(int max = 32, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var messages = await storage.Print.PeekMessagesAsync(Math.Clamp(max, 1, 32), cancellationToken).ConfigureAwait(false);
        var letters = new List<QueuedLetter>();
        foreach (var message in messages.Value)
        {
            var letter = JsonSerializer.Deserialize<PrintLetter>(message.Body.ToString(), DomainJson.Options)!;
            var marker = await storage.PrintMarkers.GetEntityIfExistsAsync<TableEntity>(letter.CaseId, RowKeyOf(letter.IdempotencyKey),
                select: [MessageIdColumn], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!marker.HasValue || marker.Value!.GetString(MessageIdColumn) is not { } named || named == message.MessageId)
            {
                letters.Add(new QueuedLetter(message.MessageId, message.InsertedOn, letter));
            }
        }

        return letters;
    }

    /// <summary>Row keys may not hold ':'; the key's outbox part stays readable.</summary>
    private static string RowKeyOf(string idempotencyKey) => idempotencyKey.Replace(':', '-');
}
