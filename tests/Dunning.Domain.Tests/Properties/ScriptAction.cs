namespace Dunning.Domain.Tests;

/// <summary>One thing a script does to a case besides its timers. Actions are generated before the run, but most
/// only make sense against the case as it stands (pay part of what is outstanding, report on a contact made so far),
/// so each becomes a command at its instant; null means "nothing to do yet" and the script moves on. The kinds are
/// nested so that their short names (Pause, OptOut, ...) never hide the domain's commands in this namespace.</summary>
public abstract partial record ScriptAction
{
    internal static Actor Supervisor { get; } = new("sup-7", ActorKind.Supervisor);

    internal abstract CaseCommand? ToCommand(DateTimeOffset now, RunContext run);
}
