namespace Dunning.Channels;

/// <summary>One SMS to one debtor. <see cref="IdempotencyKey"/> (case id + effect sequence) names the send: a repeat
/// with the same key must not reach the debtor twice.</summary>
public sealed record OutgoingSms(string CaseId, string ContactId, string IdempotencyKey, string To, string Body);

/// <summary>What the provider said about an SMS; <see cref="MessageId"/> matches its later delivery report.</summary>
public sealed record SmsReceipt(string MessageId, bool Accepted, string? Error);
