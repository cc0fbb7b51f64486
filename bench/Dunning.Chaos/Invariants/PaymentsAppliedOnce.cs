using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Chaos;

/// <summary>Every payment id sent to a case is in that case's history exactly once (applied, or rejected and so still
/// accounted for), in no other case, and in the payments read model under that case; a payment for a case that does not
/// exist is applied nowhere and opens nothing.</summary>
public static class PaymentsAppliedOnce
{
    public const string Name = "every payment applied exactly once";

    public static async Task<InvariantResult> CheckAsync(Ledger ledger, IReadOnlyList<CaseSnapshot> cases, IReadOnlyList<CaseSnapshot> unknownCases,
        ReadModelStore readModels, CancellationToken cancellationToken = default)
    {
        var sent = ledger.Payments;
        var seen = cases.Concat(unknownCases)
            .SelectMany(c => c.History.Select(e => (c.CaseId, PaymentId: e switch
            {
                PaymentApplied p => p.PaymentId,
                PaymentRejected r => r.PaymentId,
                _ => null,
            })))
            .Where(x => x.PaymentId is not null)
            .ToLookup(x => x.PaymentId!, x => x.CaseId, StringComparer.Ordinal);
        var violations = new List<string>();
        var expected = sent.Where(p => p.Kind != PaymentKind.UnknownCase).GroupBy(p => p.PaymentId).ToList();
        foreach (var payment in expected)
        {
            var caseId = payment.First().CaseId;
            var where = seen[payment.Key].ToList();
            if (where.Count != 1 || where[0] != caseId)
            {
                violations.Add($"{payment.Key} ({payment.Count()} message(s) to {caseId}) is in {where.Count} history entries: [{string.Join(", ", where)}]");
                continue;
            }

            if ((await readModels.FindPaymentAsync(payment.Key, cancellationToken).ConfigureAwait(false))?.CaseId != caseId)
            {
                violations.Add($"{payment.Key} is not in the payments read model under {caseId}");
            }
        }

        var unknown = sent.Where(p => p.Kind == PaymentKind.UnknownCase).ToList();
        foreach (var payment in unknown.Where(p => seen[p.PaymentId].Any()))
        {
            violations.Add($"{payment.PaymentId} for the unknown case {payment.CaseId} was applied to [{string.Join(", ", seen[payment.PaymentId])}]");
        }

        violations.AddRange(unknownCases.Where(c => c.Stored is not null).Select(c => $"a payment opened the unknown case {c.CaseId}"));
        var duplicates = sent.Count(p => p.Kind == PaymentKind.Duplicate);
        return InvariantResult.Of(Name, violations,
            $"{expected.Count} payment ids ({sent.Count(p => p.Kind == PaymentKind.Full)} full, {sent.Count(p => p.Kind == PaymentKind.Partial)} partial, " +
            $"{duplicates} sent again) each once; {unknown.Count} for unknown cases applied nowhere");
    }
}
