namespace Dunning.Domain;

/// <summary>A channel's verdict on a contact: delivered or not (for calls, success means a conversation took place).</summary>
public sealed record ReportDelivery(
    DateTimeOffset Now,
    string ContactId,
    ContactChannel Channel,
    bool Succeeded,
    string? Detail = null) : CaseCommand(Now);
