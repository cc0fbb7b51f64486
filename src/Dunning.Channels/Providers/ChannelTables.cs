using Azure.Data.Tables;
using Dunning.Channels.Storage;

namespace Dunning.Channels;

/// <summary>The tables of the message channels, named from the storage prefix, and created on first use.</summary>
public sealed class ChannelTables
{
    private readonly CreateOnce _create;

    public ChannelTables(StorageAccount account)
    {
        Messages = account.Table("Messages");
        MessageIds = account.Table("MessageIds");
        Phones = account.Table("MessagePhones");
        SendLog = account.Table("SendLog");
        _create = new CreateOnce(async cancellationToken =>
        {
            foreach (var table in (TableClient[])[Messages, MessageIds, Phones, SendLog])
            {
                await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Every message sent or captured: PK = case id, RK = contact id.</summary>
    public TableClient Messages { get; }

    /// <summary>Provider message id (SMS message id, e-mail operation id) to case and contact, for delivery reports.</summary>
    public TableClient MessageIds { get; }

    /// <summary>SHA-256 of an E.164 number to the cases that sent SMS to it, for inbound STOP.</summary>
    public TableClient Phones { get; }

    /// <summary>Idempotency key (hashed) to the repeatability id and the instant of the first attempt.</summary>
    public TableClient SendLog { get; }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _create.EnsureAsync(cancellationToken);
}
