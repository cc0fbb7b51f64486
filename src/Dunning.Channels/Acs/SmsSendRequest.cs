namespace Dunning.Channels.Acs;

/// <summary>One SMS send: 1 to 100 recipients, a message of at most 2048 characters.</summary>
public sealed record SmsSendRequest(
    string From,
    IReadOnlyList<SmsRecipient> Recipients,
    string Message,
    bool EnableDeliveryReport = true,
    string? Tag = null);

/// <summary>A recipient with its repeatability pair: the same pair on every retry makes the service send once.</summary>
public sealed record SmsRecipient(string To, Guid RepeatabilityRequestId, DateTimeOffset RepeatabilityFirstSent);

/// <summary>The service's verdict for one recipient; success is per recipient, not per request.</summary>
public sealed record SmsSendResult(
    string To,
    string? MessageId,
    int HttpStatusCode,
    bool Successful,
    string? ErrorMessage,
    string? RepeatabilityResult)
{
    /// <summary>The service refused the repeat (unknown or expired pair): it may or may not have sent the first.</summary>
    public bool RepeatabilityRejected => string.Equals(RepeatabilityResult, "rejected", StringComparison.OrdinalIgnoreCase);

    /// <summary>A throttled or failed recipient that the same request, sent again, may still reach.</summary>
    public bool IsTransient => !Successful && HttpStatusCode is 408 or 429 or >= 500;
}
