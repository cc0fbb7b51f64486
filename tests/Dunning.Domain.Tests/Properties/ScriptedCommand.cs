namespace Dunning.Domain.Tests;

/// <summary>A script action and the instant it happens (carrying the debtor's offset, for readable failures).</summary>
public sealed record ScriptedCommand(DateTimeOffset At, ScriptAction Action)
{
    public override string ToString() => $"{At:yyyy-MM-dd HH:mm zzz} {Action}";
}
