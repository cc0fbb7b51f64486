using System.Collections.Concurrent;
using Dunning.Channels;
using Dunning.Domain;

namespace Dunning.Bench;

/// <summary>Stands in for every channel: records each call by idempotency key, so the run can tell how many effects
/// went out, of which kind, and whether any key was called twice. Costs no storage request.</summary>
public sealed class RecordingEffectHandler : IEffectHandler
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);

    public int DistinctKeys => _calls.Count;

    /// <summary>Keys called more than once: an activity run again (harmless for an idempotent provider).</summary>
    public int RepeatedKeys => _calls.Count(c => c.Value > 1);

    public long Count(string kind) => _byKind.GetValueOrDefault(kind);

    public bool CanHandle(CaseEffect effect) => true;

    public Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_calls.AddOrUpdate(context.IdempotencyKey, 1, (_, n) => n + 1) == 1)
        {
            _byKind.AddOrUpdate(context.Effect.Kind, 1, (_, n) => n + 1);
        }

        return Task.FromResult(EffectOutcome.Done);
    }
}
