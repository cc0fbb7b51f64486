using Dunning.Domain;

namespace Dunning.Channels;

/// <summary>What a handler reports back: commands for the case (a refused send, a stored document) that the case's
/// workflow decides next, in the same loop.</summary>
public sealed record EffectOutcome(IReadOnlyList<CaseCommand> FollowUps)
{
    public static EffectOutcome Done { get; } = new([]);
}
