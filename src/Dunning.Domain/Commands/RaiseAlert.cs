namespace Dunning.Domain;

/// <summary>Something needs a supervisor's eye (e.g. a field visit not reported in time); recorded in the history.</summary>
public sealed record RaiseAlert(DateTimeOffset Now, string Subject, string Why) : CaseCommand(Now);
