using Microsoft.DurableTask;

namespace Dunning.Workflow;

/// <summary>Reads a case's stored snapshot (one point read), for a workflow started without one.</summary>
public sealed class LoadCase(CaseStore store) : TaskActivity<string, CaseSnapshot?>
{
    public override Task<CaseSnapshot?> RunAsync(TaskActivityContext context, string caseId) => store.GetAsync(caseId);
}
