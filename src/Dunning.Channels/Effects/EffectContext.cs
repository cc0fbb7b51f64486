using Dunning.Domain;

namespace Dunning.Channels;

/// <summary>One effect to carry out. <see cref="Seq"/> is the effect's number in its case (kept with the case's state,
/// so the same effect has the same number whoever carries it out, and however often); <see cref="IdempotencyKey"/>,
/// case id + that number, is what the channels hand to providers.</summary>
public sealed record EffectContext(string CaseId, long Seq, CaseEffect Effect, DateTimeOffset Now)
{
    public string IdempotencyKey => KeyOf(CaseId, Seq);

    public static string KeyOf(string caseId, long seq) => $"{caseId}:{seq:D10}";
}
