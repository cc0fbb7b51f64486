namespace Dunning.Cli;

/// <summary>One event as the timeline shows it. <see cref="At"/> carries the debtor's UTC offset at that instant;
/// <see cref="Channel"/> is one of sms, email, call, visit, notice, legal, or null when nobody outside is reached.</summary>
public sealed record TimelineRow(DateTimeOffset At, string Type, string? Step, string? Channel, string? Detail);
