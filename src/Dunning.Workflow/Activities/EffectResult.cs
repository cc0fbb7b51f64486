using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>What carrying out an effect asks of the case next: commands decided in the same loop (a refused send, a
/// stored document's hash).</summary>
public sealed record EffectResult(IReadOnlyList<CaseCommand> FollowUps);
