using Azure;
using Azure.Data.Tables;

namespace Dunning.Channels;

/// <summary>Every message every provider sent (or captured), per case, with the lookups delivery reports and inbound
/// SMS need. Writes are conditional: add to create, replace with the ETag read.</summary>
public sealed partial class MessageLog(ChannelTables tables, TimeProvider clock)
{
    /// <summary>The instant messages are stamped with: the service's (possibly virtual) clock, as the case history is.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Adds the record unless its case and contact already have one; returns what is stored either way, so a
    /// repeat of a send finds the first one. Indexes the phone (SMS) and the provider message id.</summary>
    public async Task<MessageRecord> AddAsync(MessageRecord record, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (record.Channel == Domain.ContactChannel.Sms)
        {
            // Before the message itself: a STOP may come back the moment the SMS lands.
            await IndexPhoneAsync(record.To, record.CaseId, cancellationToken).ConfigureAwait(false);
        }

        MessageRecord stored;
        try
        {
            await tables.Messages.AddEntityAsync(MessageEntity.From(record), cancellationToken).ConfigureAwait(false);
            stored = record;
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            stored = await FindAsync(record.CaseId, record.ContactId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Message {record.ContactId} of case {record.CaseId} conflicts but cannot be read.", conflict);
        }

        if (stored.ProviderMessageId is { } id)
        {
            await IndexProviderIdAsync(id, new MessageRoute(stored.CaseId, stored.ContactId, stored.Channel), cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    public async Task<MessageRecord?> FindAsync(string caseId, string contactId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await tables.Messages.GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(caseId), TableKeys.Safe(contactId),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? MessageEntity.To(row.Value!) : null;
    }

    /// <summary>The messages of a case, oldest first.</summary>
    public async Task<IReadOnlyList<MessageRecord>> ListAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Safe(caseId);
        var records = new List<MessageRecord>();
        await foreach (var row in tables.Messages.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(MessageEntity.To(row));
        }

        // Contact ids are k1, k2, ..., k10: the row order is not the sending order.
        return records.OrderBy(r => r.At).ThenBy(r => r.ContactId.Length).ThenBy(r => r.ContactId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Applies <paramref name="change"/> to the stored record (null: leave it), again on a fresh read when a
    /// concurrent write wins (<see cref="ChannelRetries.ConcurrentUpdates"/>). Returns the record as stored afterwards,
    /// or null when there is none. Indexes a newly set provider message id.</summary>
    public async Task<MessageRecord?> UpdateAsync(string caseId, string contactId, Func<MessageRecord, MessageRecord?> change,
        CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var (before, after) = await ChannelRetries.ConcurrentUpdates.ExecuteAsync(async token =>
        {
            var row = await tables.Messages.GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(caseId), TableKeys.Safe(contactId),
                cancellationToken: token).ConfigureAwait(false);
            if (!row.HasValue)
            {
                return (null, null);
            }

            var current = MessageEntity.To(row.Value!);
            if (change(current) is not { } changed || changed == current)
            {
                return (current, current);
            }

            await tables.Messages.UpdateEntityAsync(MessageEntity.From(changed), row.Value!.ETag, TableUpdateMode.Replace, token).ConfigureAwait(false);
            return ((MessageRecord?)current, (MessageRecord?)changed);
        }, cancellationToken).ConfigureAwait(false);

        if (after?.ProviderMessageId is { } id && id != before?.ProviderMessageId)
        {
            await IndexProviderIdAsync(id, new MessageRoute(after.CaseId, after.ContactId, after.Channel), cancellationToken).ConfigureAwait(false);
        }

        return after;
    }
}
