namespace Dunning.Channels;

/// <summary>One e-mail to one debtor; <see cref="IdempotencyKey"/> (case id + effect sequence) names the send.</summary>
public sealed record OutgoingEmail(
    string CaseId,
    string ContactId,
    string IdempotencyKey,
    string To,
    string DisplayName,
    string Subject,
    string PlainText,
    string Html,
    IReadOnlyList<EmailAttachment> Attachments);

public sealed record EmailAttachment(string Name, string ContentType, byte[] Content);

/// <summary>What the provider said about an e-mail: the operation id (matches its delivery report) and the terminal status.</summary>
public sealed record EmailReceipt(string OperationId, bool Succeeded, string Status, string? Error);
