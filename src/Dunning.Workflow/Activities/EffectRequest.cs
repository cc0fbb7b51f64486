using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>One effect for its activity to carry out: its number in the case (the idempotency key is case id + it) and
/// the effect itself (declared as the base type, so it travels with its <c>kind</c>), and the trace of the command it was
/// decided on, if any.</summary>
public sealed record EffectRequest(string CaseId, long Seq, CaseEffect Effect, string? TraceParent = null);
