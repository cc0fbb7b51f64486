namespace Dunning.Domain;

/// <summary>A contact a step owes the debtor that could not happen yet (quiet hours, caps, visit hours); it waits here
/// until <see cref="NotBefore"/> and is never dropped silently.</summary>
public sealed record PendingContact(string Step, StepAction Action, DateTimeOffset NotBefore, string? FallbackFor = null);
