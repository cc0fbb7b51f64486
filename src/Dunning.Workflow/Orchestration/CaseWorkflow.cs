using Dunning.Domain;
using Microsoft.DurableTask;

namespace Dunning.Workflow;

/// <summary>The names and fixed settings of the case workflow, the same for every host (the orchestrator reads no
/// configuration, so what it depends on is here, in code).</summary>
public static class CaseWorkflow
{
    public const string Orchestrator = nameof(CaseOrchestrator);

    /// <summary>The effects carried out by activities, each named after its kind; timers are the orchestrator's own.</summary>
    public static IReadOnlyList<string> EffectActivities { get; } =
    [
        nameof(SendSms), nameof(SendEmail), nameof(CreateCallTask), nameof(ScheduleVisit), nameof(SendNotice),
        nameof(ReportToSupervisor), nameof(HandOffToLegal), nameof(CancelOpenWork),
    ];

    /// <summary>Retries of a failed activity, in real time: 1, 2, 4, 8, 16, 30, 30 s (about a minute and a half),
    /// after which the workflow keeps the work and tries again every <see cref="RetryAfter"/>.</summary>
    public static TaskOptions ActivityRetry { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    /// <summary>How long (real time) a workflow waits before retrying work whose retries ran out.</summary>
    public static TimeSpan RetryAfter { get; } = TimeSpan.FromMinutes(1);

    /// <summary>Activities one generation calls before it continues as new, so its history stays bounded (the default of
    /// <see cref="WorkflowOptions.ActivitiesPerGeneration"/>).</summary>
    public const int ActivitiesPerGeneration = 60;

    /// <summary>How often a decision that conflicted with the stored case is decided again before the case is flagged.</summary>
    public const int MaxConflicts = 3;
}
