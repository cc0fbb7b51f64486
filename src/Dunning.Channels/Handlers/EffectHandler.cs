using Dunning.Domain;

namespace Dunning.Channels.Handlers;

/// <summary>A handler for one effect type: claims exactly <typeparamref name="TEffect"/> and hands it over typed.</summary>
public abstract class EffectHandler<TEffect> : IEffectHandler where TEffect : CaseEffect
{
    public bool CanHandle(CaseEffect effect) => effect is TEffect;

    public Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Effect is TEffect effect
            ? HandleAsync(context, effect, cancellationToken)
            : throw new ArgumentException($"{GetType().Name} handles {typeof(TEffect).Name}, not {context.Effect.Kind}.", nameof(context));
    }

    protected abstract Task<EffectOutcome> HandleAsync(EffectContext context, TEffect effect, CancellationToken cancellationToken);
}
