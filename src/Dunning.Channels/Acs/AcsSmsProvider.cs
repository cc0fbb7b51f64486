using Dunning.Domain;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Acs;

/// <summary>Sends SMS through Communication Services, once per idempotency key: the repeatability pair comes from the
/// <see cref="SendLog"/>, so every retry, even after a crash, names the first attempt. Every send is in the
/// <see cref="MessageLog"/>.</summary>
public sealed class AcsSmsProvider(
    AcsSmsClient client, SendLog sendLog, MessageLog log, AcsRateLimits limits, AcsOptions options, ILogger<AcsSmsProvider> logger) : ISmsProvider
{
    /// <summary>Accepted: the service took the SMS. Not accepted: the service refused this recipient for good (the
    /// domain may fall back to e-mail). Throws when a later attempt may still succeed; it repeats the same pair.</summary>
    public async Task<SmsReceipt> SendAsync(OutgoingSms sms, CancellationToken cancellationToken = default)
    {
        var from = options.SenderPhone is { Length: > 0 } sender ? sender
            : throw new InvalidOperationException($"Set {AcsOptions.Section}:SenderPhone to the number SMS are sent from.");
        var attempt = await sendLog.BeginAsync(sms.IdempotencyKey, ContactChannel.Sms, cancellationToken).ConfigureAwait(false);
        await log.AddAsync(new MessageRecord(sms.CaseId, sms.ContactId, ContactChannel.Sms, sms.IdempotencyKey, sms.To, null, sms.Body, null, [],
            null, MessageStatus.Sending, null, log.Now), cancellationToken).ConfigureAwait(false);

        await limits.WaitForSmsAsync(cancellationToken).ConfigureAwait(false);
        SmsSendResult result;
        try
        {
            var request = new SmsSendRequest(from, [new SmsRecipient(sms.To, attempt.RequestId, attempt.FirstSent)], sms.Body,
                EnableDeliveryReport: true, Tag: Tag(sms.CaseId, sms.ContactId));
            var results = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            result = results.Count == 1
                ? results[0]
                : throw new AcsRequestException("SMS send", 202, "InvalidResponse", $"The service answered {results.Count} results for one recipient.");
        }
        catch (AcsRequestException refused) when (refused.Status is 400 or 412 or 413 or 422)
        {
            // The request itself is refused (412: the repeatability window has passed). Sending it again cannot
            // help, and a fresh repeatability id could reach the debtor twice.
            return await RejectAsync(sms, null, refused.Message, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException invalid)
        {
            // Too long or no text: the message can never be sent as it is.
            return await RejectAsync(sms, null, invalid.Message, cancellationToken).ConfigureAwait(false);
        }

        if (result.IsTransient)
        {
            throw new AcsRequestException("SMS send", result.HttpStatusCode, "RecipientNotReached",
                $"The recipient was not reached ({result.ErrorMessage}); the next attempt repeats request {attempt.RequestId}.");
        }

        if (result.RepeatabilityRejected)
        {
            return await RejectAsync(sms, result.MessageId,
                $"The service refused the repeat of request {attempt.RequestId} first sent {attempt.FirstSent:r}; the first may have gone out, so it is not sent again.",
                cancellationToken).ConfigureAwait(false);
        }

        if (!result.Successful)
        {
            return await RejectAsync(sms, result.MessageId, $"HTTP {result.HttpStatusCode}: {result.ErrorMessage}", cancellationToken).ConfigureAwait(false);
        }

        var messageId = result.MessageId ?? attempt.RequestId.ToString("D");
        await log.UpdateAsync(sms.CaseId, sms.ContactId, r => Settle(r, messageId, MessageStatus.Accepted, null, log.Now), cancellationToken).ConfigureAwait(false);
        AcsLog.SmsAccepted(logger, sms.ContactId, sms.CaseId, messageId, attempt.IsRepeat);
        return new SmsReceipt(messageId, true, null);
    }

    /// <summary>The SMS tag, echoed in its delivery report: case and contact, so a report finds its case even before
    /// the message id is indexed. Ids only, nothing about the debtor.</summary>
    public static string Tag(string caseId, string contactId) => $"{caseId}:{contactId}";

    /// <summary>A send result moves a record on from "Sending" only: a delivery report that came first is kept.</summary>
    internal static MessageRecord Settle(MessageRecord record, string? messageId, string status, string? detail, DateTimeOffset? at = null) =>
        record.Status == MessageStatus.Sending
            ? record with { ProviderMessageId = messageId ?? record.ProviderMessageId, Status = status, Detail = detail, StatusAt = at ?? record.StatusAt }
            : record with { ProviderMessageId = record.ProviderMessageId ?? messageId };

    private async Task<SmsReceipt> RejectAsync(OutgoingSms sms, string? messageId, string why, CancellationToken cancellationToken)
    {
        await log.UpdateAsync(sms.CaseId, sms.ContactId, r => Settle(r, messageId, MessageStatus.Rejected, why, log.Now), cancellationToken).ConfigureAwait(false);
        AcsLog.SmsRejected(logger, sms.ContactId, sms.CaseId, why);
        return new SmsReceipt(messageId ?? "", false, why);
    }
}
