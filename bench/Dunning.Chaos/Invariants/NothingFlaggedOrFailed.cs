using Microsoft.DurableTask.Client;

namespace Dunning.Chaos;

/// <summary>No case was given up on: none is flagged for an operator (a decision that threw, an effect that failed past its
/// retries, a commit that kept conflicting), and no case's workflow failed or was terminated in the task hub (a failed
/// orchestration waits for nothing and wakes for nothing: its case would stand still).</summary>
public static class NothingFlaggedOrFailed
{
    public const string Name = "no case flagged, no workflow failed";

    public static InvariantResult Check(IReadOnlyList<CaseAtRest> cases)
    {
        var violations = cases.Where(c => c.Stored?.Flag is not null).Select(c => $"{c.CaseId} flagged: {c.Stored!.Flag}")
            .Concat(cases.Where(c => c.Workflow?.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
                .Select(c => $"the workflow of {c.CaseId} is {c.Workflow!.RuntimeStatus}: {c.Workflow.FailureDetails?.ErrorMessage}"))
            .ToList();
        var statuses = string.Join(", ", cases.GroupBy(c => c.Workflow?.RuntimeStatus.ToString() ?? "none").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}"));
        return InvariantResult.Of(Name, violations, $"no case flagged; workflows: {statuses}");
    }
}
