using System.Text.Json.Nodes;

namespace Dunning.Domain.Tests;

/// <summary>A per-channel cap as a generated policy writes it.</summary>
public sealed record CapSpec(string Channel, int MaxAttempts, int PerDays, int QuietDays)
{
    public JsonObject ToJson() => new()
    {
        ["maxAttempts"] = MaxAttempts,
        ["perDays"] = PerDays,
        ["quietDaysAfterConversation"] = QuietDays,
    };

    public override string ToString() => $"{Channel} {MaxAttempts}/{PerDays}d" + (QuietDays > 0 ? $" quiet {QuietDays}d" : "");
}
