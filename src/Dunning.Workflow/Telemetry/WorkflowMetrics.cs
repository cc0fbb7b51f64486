using System.Diagnostics.Metrics;
using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>Dunning's metrics (meter <c>Dunning</c>): what the case workflows decided and committed, counted once per
/// commit that wrote (a repeated commit activity finds its transaction done and counts nothing), and the command log's
/// backlog as the sweep last saw it. Tags are low-cardinality names (step, channel, action, command), never a case id.</summary>
public sealed class WorkflowMetrics
{
    private readonly Counter<long> _opened;
    private readonly Counter<long> _steps;
    private readonly Counter<long> _contacts;
    private readonly Counter<long> _deferred;
    private readonly Counter<long> _recorded;
    private readonly Counter<long> _applied;
    private readonly Counter<long> _conflicts;
    private long _pending;

    public WorkflowMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(WorkflowTelemetry.MeterName);
        _opened = meter.CreateCounter<long>("dunning.cases.opened", "{case}", "Cases opened.");
        _steps = meter.CreateCounter<long>("dunning.steps.reached", "{step}", "Ladder steps reached, by step.");
        _contacts = meter.CreateCounter<long>("dunning.contacts.sent", "{contact}", "Contacts decided (SMS, e-mail, call task, visit, letter), by channel.");
        _deferred = meter.CreateCounter<long>("dunning.contacts.deferred", "{contact}", "Contacts deferred to a lawful instant (quiet hours, caps), by action.");
        _recorded = meter.CreateCounter<long>("dunning.commands.recorded", "{command}", "Commands recorded in a case's command log, by command.");
        _applied = meter.CreateCounter<long>("dunning.commands.applied", "{command}", "Recorded commands applied by a commit.");
        _conflicts = meter.CreateCounter<long>("dunning.commits.conflicted", "{commit}", "Commits that found the case changed by another decision.");
        meter.CreateObservableGauge("dunning.commands.pending", () => Interlocked.Read(ref _pending), "{command}",
            "Commands recorded and still unapplied past the sweep's grace, at the last sweep (at most one batch).");
    }

    /// <summary>A decision the store has just written.</summary>
    public void Committed(IReadOnlyList<CaseEvent> events, int commandsApplied)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            switch (e)
            {
                case CaseOpened:
                    _opened.Add(1);
                    break;
                case StepReached step:
                    _steps.Add(1, new KeyValuePair<string, object?>("step", step.Step));
                    break;
                case ContactEvent contact:
                    _contacts.Add(1, new KeyValuePair<string, object?>("channel", contact.Channel.ToString()));
                    break;
                case ContactDeferred deferred:
                    _deferred.Add(1, new KeyValuePair<string, object?>("action", deferred.Action.ToString()));
                    break;
            }
        }

        if (commandsApplied > 0)
        {
            _applied.Add(commandsApplied);
        }
    }

    public void Recorded(CaseCommand command) => _recorded.Add(1, new KeyValuePair<string, object?>("command", command.Type));

    public void Conflicted() => _conflicts.Add(1);

    public void Pending(int count) => Interlocked.Exchange(ref _pending, count);
}
