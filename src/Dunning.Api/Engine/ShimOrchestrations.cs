using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace Dunning.Api.Engine;

/// <summary>DTFx's orchestration lookup, answered from the SDK's registry: a fresh shim around a fresh orchestrator for
/// each execution (DTFx asks once per work item; an extended session keeps its shim).</summary>
internal sealed class ShimOrchestrations(IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceProvider services)
    : INameVersionObjectManager<TaskOrchestration>
{
    public void Add(ObjectCreator<TaskOrchestration> creator) =>
        throw new NotSupportedException("Orchestrations are registered with the Durable Task SDK's registry (AddCaseWorkflow), not with DTFx.");

    public TaskOrchestration? GetObject(string name, string? version) =>
        factory.TryCreateOrchestrator(new TaskName(name), services, out var orchestrator)
            ? shims.CreateOrchestration(new TaskName(name), orchestrator, parent: null)
            : null;
}
