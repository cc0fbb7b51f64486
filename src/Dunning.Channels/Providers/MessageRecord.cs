using Dunning.Domain;

namespace Dunning.Channels;

/// <summary>One message that left (or, in local development, would have left) for a debtor, exactly as sent. This is
/// the system of record, so the address is kept; it never goes to a log.</summary>
public sealed record MessageRecord(
    string CaseId,
    string ContactId,
    ContactChannel Channel,
    string IdempotencyKey,
    string To,
    string? Subject,
    string Body,
    string? Html,
    IReadOnlyList<string> Attachments,
    string? ProviderMessageId,
    string Status,
    string? Detail,
    DateTimeOffset At,
    DateTimeOffset? StatusAt = null);

/// <summary>Where a provider message id leads: the case and contact a delivery report is about.</summary>
public sealed record MessageRoute(string CaseId, string ContactId, ContactChannel Channel);

/// <summary>Statuses the channels write; delivery reports add the provider's own (Delivered, Failed, Bounced, ...).</summary>
public static class MessageStatus
{
    /// <summary>Stored by the capture provider; nothing was sent.</summary>
    public const string Captured = "Captured";

    /// <summary>Recorded before the provider call; a crash leaves it, and the retry moves it on.</summary>
    public const string Sending = "Sending";

    /// <summary>The provider took the SMS; its delivery report follows.</summary>
    public const string Accepted = "Accepted";

    /// <summary>The provider refused the recipient (e.g. an invalid or blocked number).</summary>
    public const string Rejected = "Rejected";

    /// <summary>The e-mail operation succeeded; its delivery report follows.</summary>
    public const string Sent = "Sent";

    public const string Failed = "Failed";

    public const string Delivered = "Delivered";
}
