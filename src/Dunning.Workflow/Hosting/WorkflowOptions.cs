namespace Dunning.Workflow;

/// <summary>Settings of the command log's sweep, bound from <c>Dunning:Workflow</c>. (The orchestrator itself reads no
/// configuration: what it depends on is fixed in <see cref="CaseWorkflow"/>.)</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Dunning:Workflow";

    /// <summary>Whether this process sweeps (every host may; a repeat is harmless).</summary>
    public bool RunSweep { get; set; } = true;

    /// <summary>How often (real time) the sweep looks for commands left unapplied.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long (real time) a command may stay unapplied before the sweep delivers it again: long enough for a
    /// busy case to get to it, short enough that a lost doorbell costs seconds.</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most commands one sweep pass looks at.</summary>
    public int SweepBatch { get; set; } = 500;

    /// <summary>How long (real time) after a case's end is committed its workflow's Durable history is purged (the case
    /// tables keep the case's own history): time for the workflow to finish its last effects and end.</summary>
    public TimeSpan PurgeAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Activities a case's workflow calls before it continues as new (bounds its history; given to workflows as
    /// they start).</summary>
    public int ActivitiesPerGeneration { get; set; } = CaseWorkflow.ActivitiesPerGeneration;
}
