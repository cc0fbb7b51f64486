namespace Dunning.Domain;

/// <summary>A request to change a case. Every command carries the instant it is decided at; the domain reads no clock.</summary>
public abstract record CaseCommand(DateTimeOffset Now);

/// <summary>A command a person gives: it names who and why, and both land in the history.</summary>
public interface ISupervisorCommand
{
    Actor By { get; }

    string Reason { get; }
}
