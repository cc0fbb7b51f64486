using System.Collections.Concurrent;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace Dunning.Api.Engine;

/// <summary>DTFx's activity lookup, answered from the SDK's registry: each work item runs in a service scope of its own,
/// with the activity created from it (as the Functions host creates one from the invocation's services).</summary>
internal sealed class ShimActivities(IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceProvider services)
    : INameVersionObjectManager<TaskActivity>
{
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    public void Add(ObjectCreator<TaskActivity> creator) =>
        throw new NotSupportedException("Activities are registered with the Durable Task SDK's registry (AddCaseWorkflow), not with DTFx.");

    public TaskActivity? GetObject(string name, string? version) =>
        _known.GetOrAdd(name, n => factory.TryCreateActivity(new TaskName(n), services, out _)) ? new ScopedActivity(name, factory, shims, services) : null;

    /// <summary>One work item: a scope, the activity from it, the SDK's shim to run it with the data converter.</summary>
    private sealed class ScopedActivity(string name, IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceProvider services) : TaskActivity
    {
        public override string Run(TaskContext context, string input) =>
            throw new NotSupportedException("DTFx runs activities through RunAsync.");

        public override async Task<string> RunAsync(TaskContext context, string input)
        {
            await using var scope = services.CreateAsyncScope();
            if (!factory.TryCreateActivity(new TaskName(name), scope.ServiceProvider, out var activity))
            {
                throw new InvalidOperationException($"Activity {name} is no longer registered.");
            }

            return (await shims.CreateActivity(new TaskName(name), activity).RunAsync(context, input).ConfigureAwait(false))!;
        }
    }
}
