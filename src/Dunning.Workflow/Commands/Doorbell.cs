namespace Dunning.Workflow;

/// <summary>The external event that tells a case's workflow a command was recorded for it. It carries only the id: the
/// command log is the mailbox, the event just rings (an event lost by the engine delays a command, never loses it).</summary>
public sealed record Doorbell(string CommandId)
{
    public const string EventName = "command";
}
