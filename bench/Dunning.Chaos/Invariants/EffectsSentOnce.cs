using Azure.Data.Tables;
using Dunning.Domain;

namespace Dunning.Chaos;

/// <summary>On the provider's side, where every call of every effect was recorded by idempotency key: one payload per
/// key (a repeated call is harmless, a different effect under a used key is not); one key per contact (a contact
/// re-decided under a new key would reach the debtor twice); every contact a history records reached the provider; and
/// each case's effects were carried out under exactly the keys it committed (numbers 1 to its effect sequence: none
/// left undone, none beyond).</summary>
public static class EffectsSentOnce
{
    public const string Name = "every effect sent once per key";

    private sealed record Call(string CaseId, string Key, long Seq, string Kind, string? ContactId, string Hash, bool Repeat);

    public static async Task<InvariantResult> CheckAsync(TableClient sends, IReadOnlyList<CaseAtRest> cases, CancellationToken cancellationToken = default)
    {
        var calls = new List<Call>();
        await foreach (var row in sends.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            calls.Add(new Call(row.PartitionKey, row.RowKey.Split(RecordingProvider.RepeatMark)[0], row.GetInt64("Seq") ?? 0, row.GetString("Kind"),
                row.GetString("ContactId"), row.GetString("Hash"), row.GetBoolean("Repeat") ?? false));
        }

        var violations = new List<string>();
        violations.AddRange(calls.GroupBy(c => c.Key).Where(g => g.Select(c => c.Hash).Distinct().Count() > 1)
            .Select(g => $"key {g.Key} carried {g.Select(c => c.Hash).Distinct().Count()} different effects"));
        var firstSends = calls.Where(c => !c.Repeat).ToList();
        violations.AddRange(firstSends.Where(c => c.ContactId is not null).GroupBy(c => (c.CaseId, c.ContactId)).Where(g => g.Count() > 1)
            .Select(g => $"contact {g.Key.ContactId} of {g.Key.CaseId} went out under {g.Count()} keys"));
        var sentContacts = firstSends.Where(c => c.ContactId is not null).Select(c => (c.CaseId, c.ContactId!)).ToHashSet();
        violations.AddRange(cases.SelectMany(c => c.History.OfType<ContactEvent>()
            .Where(e => !sentContacts.Contains((c.CaseId, e.ContactId)))
            .Select(e => $"{e.Type} {e.ContactId} of {c.CaseId} is in the history but never reached the provider")));

        var sentByCase = firstSends.ToLookup(c => c.CaseId, StringComparer.Ordinal);
        foreach (var c in cases.Where(c => c.Stored is not null))
        {
            var committed = c.Stored!.EffectSeq;
            var sent = sentByCase[c.CaseId].Select(s => s.Seq).ToHashSet();
            var missing = Enumerable.Range(1, (int)committed).Where(seq => !sent.Contains(seq)).ToList();
            if (missing.Count > 0)
            {
                violations.Add($"{c.CaseId} committed {committed} effects; #{string.Join(", #", missing.Take(5))} never carried out");
            }

            violations.AddRange(sent.Where(seq => seq < 1 || seq > committed).Select(seq => $"{c.CaseId} carried out effect #{seq}, beyond the {committed} it committed"));
        }

        var kinds = string.Join(", ", firstSends.GroupBy(c => c.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Count():N0} {g.Key}"));
        return InvariantResult.Of(Name, violations,
            $"{firstSends.Count:N0} effects ({kinds}), one per key and contact, every committed effect carried out; " +
            $"{calls.Count - firstSends.Count:N0} repeated calls answered without sending");
    }
}
