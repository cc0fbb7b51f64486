namespace Dunning.Domain.Tests;

/// <summary>One call of the decider in a run: the command, the state it met, the events it returned and the state
/// they led to. <see cref="Stale"/> marks a timer message whose token the case no longer expects.</summary>
public sealed record RunDecision(CaseCommand Command, CaseState? Before, IReadOnlyList<CaseEvent> Events, CaseState After, bool Stale);
