using Microsoft.DurableTask.Client;

namespace Dunning.Workflow;

/// <summary>Where starting and ringing a case's workflow find the Durable client: the host's own (the local engine's,
/// one for the process), or in the Function App the one the Functions host bound to the invocation under way (a
/// <c>[DurableClient]</c> parameter is the only way to get one there).</summary>
public interface IDurableClientAccessor
{
    DurableTaskClient Client { get; }
}

/// <summary>The process's one Durable client, from dependency injection.</summary>
public sealed class HostDurableClient(DurableTaskClient client) : IDurableClientAccessor
{
    public DurableTaskClient Client => client;
}
