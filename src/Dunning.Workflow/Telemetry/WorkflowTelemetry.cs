using System.Diagnostics;

namespace Dunning.Workflow;

/// <summary>Dunning's own spans and the names the hosts subscribe to. A command's trace travels with it: the span that
/// recorded it (a child of the HTTP request or webhook) is stored with the command, and the commit and the effects
/// decided on it start their spans under that trace, however much later and on whichever host they run. Spans carry
/// case ids, command and effect kinds, never a debtor's name, phone or address.</summary>
public static class WorkflowTelemetry
{
    /// <summary>The activity source of the workflow's spans.</summary>
    public const string SourceName = "Dunning.Workflow";

    /// <summary>The meter of Dunning's metrics (<see cref="WorkflowMetrics"/>).</summary>
    public const string MeterName = "Dunning";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Starts a span for work on a case: under the trace of the command that caused it when one is known (linked
    /// to whatever span the engine runs the work in), else under the current span.</summary>
    public static Activity? StartCaseWork(string name, string caseId, string? commandTrace, ActivityKind kind = ActivityKind.Internal)
    {
        Activity? span;
        if (commandTrace is not null && ActivityContext.TryParse(commandTrace, null, out var cause))
        {
            var links = Activity.Current is { } current ? new[] { new ActivityLink(current.Context) } : null;
            span = Source.StartActivity(name, kind, cause, links: links);
        }
        else
        {
            span = Source.StartActivity(name, kind);
        }

        span?.SetTag("dunning.case_id", caseId);
        return span;
    }
}
