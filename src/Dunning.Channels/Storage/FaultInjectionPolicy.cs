using Azure.Core;
using Azure.Core.Pipeline;

namespace Dunning.Channels.Storage;

/// <summary>Makes chosen storage requests fail, lose their response, or "crash" the worker, to prove that processing
/// converges whatever point it is interrupted at. Used by the crash tests and the chaos run, never in production.</summary>
public sealed class FaultInjector(Func<StorageService, Request, FaultKind?> decide) : StoragePolicy
{
    public override HttpPipelinePolicy For(StorageService service) => new FaultInjectionPolicy(service, decide);
}

/// <summary>The pipeline side of <see cref="FaultInjector"/> for one service's clients.</summary>
public sealed class FaultInjectionPolicy(StorageService service, Func<StorageService, Request, FaultKind?> decide) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var fault = decide(service, message.Request);
        switch (fault)
        {
            case FaultKind.Fail:
                throw new InjectedFaultException($"Injected failure before {StorageOperation.Of(service, message.Request)}.");
            case FaultKind.Crash:
                // Like a process killed mid-flight: nothing after this point runs and nothing is released.
                throw new OperationCanceledException($"Injected crash before {StorageOperation.Of(service, message.Request)}.");
        }

        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        if (fault == FaultKind.DropResponse)
        {
            throw new InjectedFaultException($"Injected lost response after {StorageOperation.Of(service, message.Request)}.");
        }
    }
}

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>The request never reaches storage and the caller sees an error.</summary>
    Fail,

    /// <summary>Storage applies the request but the caller sees an error.</summary>
    DropResponse,

    /// <summary>The request never reaches storage and the worker stops where it is.</summary>
    Crash,
}

/// <summary>An error injected by <see cref="FaultInjectionPolicy"/>; not a transient error, so no retry hides it.</summary>
public sealed class InjectedFaultException(string message) : Exception(message);
