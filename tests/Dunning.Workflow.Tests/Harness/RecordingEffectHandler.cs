using System.Collections.Concurrent;
using Dunning.Channels;
using Dunning.Domain;

namespace Dunning.Workflow.Tests;

/// <summary>A channel stand-in that records every call by idempotency key. Like a real provider it is idempotent by key:
/// <see cref="Sent"/> holds one entry per key, <see cref="Calls"/> counts every call.</summary>
public sealed class RecordingEffectHandler : IEffectHandler
{
    private readonly ConcurrentDictionary<string, CaseEffect> _sent = new();
    private readonly ConcurrentQueue<(string Key, DateTimeOffset At, CaseEffect Effect)> _calls = new();

    /// <summary>When set, a call for which this returns true throws instead of sending.</summary>
    public Func<EffectContext, bool>? FailWhen { get; set; }

    /// <summary>When set, a call for which this returns true "kills" the worker (nothing after it runs, nothing is
    /// released), like a process dying between two effects.</summary>
    public Func<EffectContext, bool>? CrashWhen { get; set; }

    /// <summary>Follow-up commands a call returns (e.g. a delivery failure).</summary>
    public Func<EffectContext, IReadOnlyList<CaseCommand>>? FollowUps { get; set; }

    public IReadOnlyDictionary<string, CaseEffect> Sent => _sent;

    public IReadOnlyList<(string Key, DateTimeOffset At, CaseEffect Effect)> Calls => _calls.ToList();

    public IEnumerable<KeyValuePair<string, CaseEffect>> SentFor(string caseId) => _sent.Where(s => s.Key.StartsWith(caseId + ":", StringComparison.Ordinal));

    public bool CanHandle(CaseEffect effect) => true;

    public Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken = default)
    {
        _calls.Enqueue((context.IdempotencyKey, context.Now, context.Effect));
        if (CrashWhen?.Invoke(context) == true)
        {
            throw new OperationCanceledException($"Worker killed before {context.IdempotencyKey}.");
        }

        if (FailWhen?.Invoke(context) == true)
        {
            throw new InvalidOperationException($"Provider refused {context.IdempotencyKey}.");
        }

        _sent.TryAdd(context.IdempotencyKey, context.Effect);
        return Task.FromResult(new EffectOutcome(FollowUps?.Invoke(context) ?? []));
    }
}
