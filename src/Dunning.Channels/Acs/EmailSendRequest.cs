namespace Dunning.Channels.Acs;

/// <summary>One e-mail send (at most 10 MB as JSON). User engagement tracking is off by default: a collection notice
/// carries no tracking pixel.</summary>
public sealed record EmailSendRequest(
    string SenderAddress,
    IReadOnlyList<EmailAddress> To,
    string Subject,
    string? PlainText,
    string? Html,
    IReadOnlyList<EmailAttachment> Attachments,
    bool DisableUserEngagementTracking = true);

public sealed record EmailAddress(string Address, string? DisplayName = null);

/// <summary>The state of a send operation: NotStarted and Running go on; Succeeded, Failed and Canceled are final.</summary>
public sealed record EmailOperation(string Id, string Status, string? ErrorCode = null, string? ErrorMessage = null, TimeSpan? RetryAfter = null)
{
    public bool IsTerminal => Succeeded || Status.Equals("Failed", StringComparison.OrdinalIgnoreCase) || Status.Equals("Canceled", StringComparison.OrdinalIgnoreCase);

    public bool Succeeded => Status.Equals("Succeeded", StringComparison.OrdinalIgnoreCase);
}
