using Dunning.Domain;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Acs;

/// <summary>Sends e-mail through Communication Services, once per idempotency key: the Operation-Id is derived from the
/// key, and a repeat first looks for the operation an earlier attempt started. Every send is in the <see cref="MessageLog"/>.</summary>
public sealed class AcsEmailProvider(
    AcsEmailClient client, SendLog sendLog, MessageLog log, AcsRateLimits limits, AcsOptions options, ILogger<AcsEmailProvider> logger) : IEmailProvider
{
    /// <summary>Returns the operation's final status; throws when the service fails in a way a later attempt may not
    /// (or when the operation is still running after the bounded wait; the next attempt resumes it).</summary>
    public async Task<EmailReceipt> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        var sender = options.SenderEmail is { Length: > 0 } address ? address
            : throw new InvalidOperationException($"Set {AcsOptions.Section}:SenderEmail to the verified address e-mails are sent from.");
        var attempt = await sendLog.BeginAsync(email.IdempotencyKey, ContactChannel.Email, cancellationToken).ConfigureAwait(false);
        var operationId = attempt.RequestId.ToString("D");
        // The operation id is known before the call, so a delivery report finds the message even if this process dies polling.
        await log.AddAsync(new MessageRecord(email.CaseId, email.ContactId, ContactChannel.Email, email.IdempotencyKey, email.To, email.Subject,
            email.PlainText, email.Html, email.Attachments.Select(a => a.Name).ToList(), operationId, MessageStatus.Sending, null, log.Now),
            cancellationToken).ConfigureAwait(false);

        await limits.WaitForEmailAsync(cancellationToken).ConfigureAwait(false);
        var request = new EmailSendRequest(sender, [new EmailAddress(email.To, email.DisplayName)], email.Subject, email.PlainText, email.Html, email.Attachments);
        EmailOperation operation;
        try
        {
            operation = await client.SendAsync(attempt.RequestId, request, resume: attempt.IsRepeat, cancellationToken).ConfigureAwait(false);
        }
        catch (AcsRequestException refused) when (refused.Status is 400 or 413 or 422)
        {
            // The message itself is refused (e.g. an invalid address): no later attempt can send it.
            operation = new EmailOperation(operationId, "Failed", refused.ErrorCode, refused.Message);
        }
        catch (ArgumentException tooLarge)
        {
            operation = new EmailOperation(operationId, "Failed", "RequestTooLarge", tooLarge.Message);
        }

        var error = operation.Succeeded ? null : Describe(operation);
        await log.UpdateAsync(email.CaseId, email.ContactId,
            r => AcsSmsProvider.Settle(r, operationId, operation.Succeeded ? MessageStatus.Sent : MessageStatus.Failed, error, log.Now),
            cancellationToken).ConfigureAwait(false);
        AcsLog.EmailFinished(logger, email.ContactId, email.CaseId, operationId, operation.Status, attempt.IsRepeat);
        return new EmailReceipt(operationId, operation.Succeeded, operation.Status, error);
    }

    private static string Describe(EmailOperation operation) =>
        $"{operation.Status}{(operation.ErrorCode is null ? "" : $" ({operation.ErrorCode})")}{(operation.ErrorMessage is null ? "" : $": {operation.ErrorMessage}")}";
}
