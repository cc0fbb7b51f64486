using Dunning.Channels.Acs;
using Dunning.Domain;

namespace Dunning.Channels;

/// <summary>The local-development provider: stores each message in the <see cref="MessageLog"/> (status "Captured")
/// and sends nothing, so a new user reads exactly what a debtor would receive. A repeat with the same key adds nothing.</summary>
public sealed class CapturingMessageProvider(MessageLog log) : ISmsProvider, IEmailProvider
{
    public async Task<SmsReceipt> SendAsync(OutgoingSms sms, CancellationToken cancellationToken = default)
    {
        var record = new MessageRecord(sms.CaseId, sms.ContactId, ContactChannel.Sms, sms.IdempotencyKey, sms.To, null, sms.Body, null, [],
            CapturedId(sms.IdempotencyKey), MessageStatus.Captured, null, log.Now);
        var stored = await log.AddAsync(record, cancellationToken).ConfigureAwait(false);
        return new SmsReceipt(stored.ProviderMessageId ?? record.ProviderMessageId!, true, null);
    }

    public async Task<EmailReceipt> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        var record = new MessageRecord(email.CaseId, email.ContactId, ContactChannel.Email, email.IdempotencyKey, email.To, email.Subject,
            email.PlainText, email.Html, email.Attachments.Select(a => a.Name).ToList(),
            CapturedId(email.IdempotencyKey), MessageStatus.Captured, null, log.Now);
        var stored = await log.AddAsync(record, cancellationToken).ConfigureAwait(false);
        return new EmailReceipt(stored.ProviderMessageId ?? record.ProviderMessageId!, true, MessageStatus.Captured, null);
    }

    /// <summary>A provider id derived from the key, so a delivery report can be simulated against a captured message.</summary>
    private static string CapturedId(string idempotencyKey) => "captured-" + DeterministicGuid.From(idempotencyKey).ToString("D");
}
