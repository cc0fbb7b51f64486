using Azure.Data.Tables;
using Dunning.Domain;

namespace Dunning.Chaos;

/// <summary>On the provider's side: one payload per idempotency key (a repeated call is harmless, a different message under
/// a used key is not), one key per contact (a contact re-decided under a new key would reach the debtor twice), and every
/// SMS and e-mail the histories record was sent.</summary>
public static class EffectsSentOnce
{
    public const string Name = "no effect sent twice for one key";

    public static async Task<InvariantResult> CheckAsync(TableClient sends, IReadOnlyList<CaseSnapshot> cases, CancellationToken cancellationToken = default)
    {
        var rows = new List<(string CaseId, string Key, string ContactId, string Hash, bool Repeat)>();
        await foreach (var row in sends.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add((row.PartitionKey, row.RowKey.Split('~')[0], row.GetString("ContactId"), row.GetString("Hash"), row.GetBoolean("Repeat") ?? false));
        }

        var violations = new List<string>();
        violations.AddRange(rows.GroupBy(r => r.Key).Where(g => g.Select(r => r.Hash).Distinct().Count() > 1)
            .Select(g => $"key {g.Key} carried {g.Select(r => r.Hash).Distinct().Count()} different messages"));
        var firstSends = rows.Where(r => !r.Repeat).ToList();
        violations.AddRange(firstSends.GroupBy(r => (r.CaseId, r.ContactId)).Where(g => g.Count() > 1)
            .Select(g => $"contact {g.Key.ContactId} of {g.Key.CaseId} went out under {g.Count()} keys"));
        var sentContacts = firstSends.Select(r => (r.CaseId, r.ContactId)).ToHashSet();
        violations.AddRange(cases.SelectMany(c => c.History.OfType<ContactEvent>()
                .Where(e => e is SmsSent or EmailSent && !sentContacts.Contains((c.CaseId, e.ContactId)))
                .Select(e => $"{e.Type} {e.ContactId} of {c.CaseId} is in the history but never reached the provider")));
        return InvariantResult.Of(Name, violations,
            $"{firstSends.Count:N0} SMS and e-mails, one per key and contact; {rows.Count - firstSends.Count:N0} repeated calls answered without sending");
    }
}
