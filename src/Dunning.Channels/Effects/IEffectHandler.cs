using Dunning.Domain;

namespace Dunning.Channels;

/// <summary>Carries out one kind of effect (SMS, e-mail, visit, notice, legal hand-off). Called at least once per
/// effect, always with the same <see cref="EffectContext.IdempotencyKey"/>: a handler must make a repeat harmless
/// (provider repeatability ids, upserts by key).</summary>
public interface IEffectHandler
{
    bool CanHandle(CaseEffect effect);

    Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken = default);
}
