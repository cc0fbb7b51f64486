using Dunning.Workflow;
using Microsoft.DurableTask.Client;

namespace Dunning.Functions;

/// <summary>The Durable client of the function invocation under way. Inside a Function App the client comes only from a
/// <c>[DurableClient]</c> binding (a client of our own would not find the host's gRPC endpoint), so each trigger that may
/// start or ring a workflow hands its bound client over with <see cref="Use"/> for the length of its work, and
/// <see cref="CaseWorkflowClient"/> finds it here.</summary>
public sealed class InvocationDurableClient : IDurableClientAccessor
{
    private static readonly AsyncLocal<DurableTaskClient?> Current = new();

    public DurableTaskClient Client => Current.Value ?? throw new InvalidOperationException(
        "No Durable client is bound to this function invocation: give the function a [DurableClient] DurableTaskClient parameter and pass it to InvocationDurableClient.Use.");

    /// <summary>Makes <paramref name="client"/> the current invocation's client until the result is disposed.</summary>
    public static IDisposable Use(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = Current.Value;
        Current.Value = client;
        return new Restore(previous);
    }

    private sealed class Restore(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
