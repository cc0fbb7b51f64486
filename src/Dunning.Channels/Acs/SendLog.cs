using Azure;
using Azure.Data.Tables;
using Dunning.Domain;

namespace Dunning.Channels.Acs;

/// <summary>The first attempt of every send, by idempotency key: a retry (Azure.Core's, the outbox's, or after a crash
/// and redelivery) sends the same repeatability id and the same first-sent instant, so the provider sends once.</summary>
public sealed class SendLog(ChannelTables tables, TimeProvider realTime)
{
    private const string Row = "first";

    /// <summary>Records this attempt as the first for the key, or returns the first one recorded earlier.</summary>
    public async Task<SendAttempt> BeginAsync(string idempotencyKey, ContactChannel channel, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Hash(idempotencyKey);
        var now = realTime.GetUtcNow();
        // Whole seconds: the wire format (RFC 1123) has no more, and the stored instant must equal what was sent.
        var first = new SendAttempt(idempotencyKey, DeterministicGuid.From(idempotencyKey),
            new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero), IsRepeat: false);
        try
        {
            await tables.SendLog.AddEntityAsync(new TableEntity(partition, Row)
            {
                ["IdempotencyKey"] = idempotencyKey,
                ["Channel"] = channel.ToString(),
                ["RequestId"] = first.RequestId,
                ["FirstSent"] = first.FirstSent,
            }, cancellationToken).ConfigureAwait(false);
            return first;
        }
        catch (RequestFailedException exists) when (exists.Status == 409)
        {
            var stored = (await tables.SendLog.GetEntityAsync<TableEntity>(partition, Row, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return new SendAttempt(idempotencyKey, stored.GetGuid("RequestId") ?? first.RequestId,
                stored.GetDateTimeOffset("FirstSent") ?? first.FirstSent, IsRepeat: true);
        }
    }
}

/// <summary>The repeatability pair of a send (<see cref="RequestId"/> is also the e-mail operation id);
/// <see cref="IsRepeat"/> when an earlier attempt for the same key was recorded.</summary>
public sealed record SendAttempt(string IdempotencyKey, Guid RequestId, DateTimeOffset FirstSent, bool IsRepeat);
