using Azure.Data.Tables;
using Dunning.Runtime;

namespace Dunning.Channels;

/// <summary>The tables of the message channels, named from the runtime's prefix as <see cref="StorageNames"/> names
/// its own, and created on first use.</summary>
public sealed class ChannelTables
{
    private readonly CreateOnce _create;

    public ChannelTables(StorageClients storage, RuntimeOptions options)
    {
        // Table names allow letters and digits only.
        var prefix = new string(options.Prefix.Where(char.IsLetterOrDigit).ToArray());
        Messages = storage.Tables.GetTableClient(prefix + "Messages");
        MessageIds = storage.Tables.GetTableClient(prefix + "MessageIds");
        Phones = storage.Tables.GetTableClient(prefix + "MessagePhones");
        SendLog = storage.Tables.GetTableClient(prefix + "SendLog");
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
