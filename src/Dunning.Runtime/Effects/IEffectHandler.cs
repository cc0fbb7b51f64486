using Dunning.Domain;

namespace Dunning.Runtime;

/// <summary>Carries out one kind of effect (SMS, e-mail, visit, notice, legal hand-off). Called at least once per
/// outbox row, always with the same <see cref="EffectContext.IdempotencyKey"/>: a handler must make a repeat harmless
/// (provider repeatability ids, upserts by key).</summary>
public interface IEffectHandler
{
    bool CanHandle(CaseEffect effect);

    Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken = default);
}

/// <summary>One effect to carry out: <see cref="IdempotencyKey"/> is case id + outbox sequence.</summary>
public sealed record EffectContext(string CaseId, long OutboxSeq, CaseEffect Effect, DateTimeOffset Now)
{
    public string IdempotencyKey => $"{CaseId}:{OutboxSeq:D10}";
}

/// <summary>What a handler reports back: commands for the case (e.g. a failed delivery) that go through the inbox.</summary>
public sealed record EffectOutcome(IReadOnlyList<CaseCommand> FollowUps)
{
    public static EffectOutcome Done { get; } = new([]);
}
