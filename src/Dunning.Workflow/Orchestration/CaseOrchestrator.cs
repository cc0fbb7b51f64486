using Dunning.Domain;
using Microsoft.DurableTask;

namespace Dunning.Workflow;

/// <summary>The durable workflow of one case (instance id = case id; ARCHITECTURE section 4). It loops: drain the case's
/// command log, wait for the earlier of the case's next due instant (a durable timer) and a doorbell event, decide with
/// the pure decider at the orchestration's replay-safe time, commit, carry out the effects as activities; and at a safe
/// point it continues as new with the snapshot. It reads no clock, Guid, random, configuration or storage (the policy
/// catalog is code: embedded, versioned documents), and never fails: a decision that throws flags the case and the loop
/// goes on waiting. The loop itself is <see cref="CaseLoop"/>. The SDK creates orchestrators without dependency
/// injection, so the catalog is the embedded one unless a test gives another.</summary>
public sealed class CaseOrchestrator(PolicyCatalog policies) : TaskOrchestrator<CaseRun, CaseOutcome>
{
    public CaseOrchestrator()
        : this(PolicyCatalog.Default)
    {
    }

    public override Task<CaseOutcome> RunAsync(TaskOrchestrationContext context, CaseRun input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new CaseLoop(context, input, policies).RunAsync();
    }
}
