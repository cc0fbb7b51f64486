using Dunning.Domain;
using Dunning.Workflow;

namespace Dunning.Chaos;

/// <summary>Every payment id sent to a case is in that case's history exactly once (applied, or rejected and so accounted
/// for), in no other case's, and in the payments read model under that case, however often it was sent; a payment for a
/// case that does not exist is applied nowhere, opens nothing, starts no workflow and is kept as unmatched.</summary>
public static class PaymentsAppliedOnce
{
    public const string Name = "every payment applied exactly once";

    public static async Task<InvariantResult> CheckAsync(Ledger ledger, IReadOnlyList<CaseAtRest> cases, IReadOnlyList<CaseAtRest> unknownCases,
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
        violations.AddRange(unknown.Where(p => seen[p.PaymentId].Any())
            .Select(p => $"{p.PaymentId} for the unknown case {p.CaseId} was applied to [{string.Join(", ", seen[p.PaymentId])}]"));
        violations.AddRange(unknownCases.Where(c => c.Stored is not null || c.History.Count > 0)
            .Select(c => $"a payment opened the unknown case {c.CaseId}"));
        violations.AddRange(unknownCases.Where(c => c.Workflow is not null)
            .Select(c => $"a payment started a workflow ({c.Workflow!.RuntimeStatus}) for the unknown case {c.CaseId}"));
        var unmatched = (await readModels.ListUnmatchedAsync(cancellationToken).ConfigureAwait(false)).Select(u => u.PaymentId).ToHashSet(StringComparer.Ordinal);
        violations.AddRange(unknown.Where(p => !unmatched.Contains(p.PaymentId)).Select(p => $"{p.PaymentId} for the unknown case {p.CaseId} is not kept as unmatched"));

        var duplicates = sent.Count(p => p.Kind == PaymentKind.Duplicate);
        return InvariantResult.Of(Name, violations,
            $"{expected.Count} payment ids ({sent.Count(p => p.Kind == PaymentKind.Full)} full, {sent.Count(p => p.Kind == PaymentKind.Partial)} partial, " +
            $"{duplicates} sent again) each applied once; {unknown.Count} for unknown cases applied nowhere, kept as unmatched");
    }
}
