using System.Text.Json;
using Dunning.Domain;

namespace Dunning.Channels.Legal;

/// <summary>Builds the legal dossier of a case from its stored state and its complete history.</summary>
public sealed class LegalDossierBuilder(ICaseRecords cases, PolicyCatalog policies)
{
    private static readonly JsonSerializerOptions Indented = new(DomainJson.Options) { WriteIndented = true };

    public async Task<byte[]> BuildJsonAsync(EffectContext context, HandOffToLegal effect, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeToUtf8Bytes(await BuildAsync(context, effect, cancellationToken).ConfigureAwait(false), Indented);

    public async Task<LegalDossier> BuildAsync(EffectContext context, HandOffToLegal effect, CancellationToken cancellationToken = default)
    {
        var state = await cases.GetStateAsync(context.CaseId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {context.CaseId} is not stored; its dossier cannot be built.");
        var history = await cases.ReadHistoryAsync(context.CaseId, cancellationToken).ConfigureAwait(false);
        var policy = policies.Find(state.PolicyId, state.PolicyVersion);
        var events = history.Select(h => h.Event).ToList();

        var d = state.Debtor;
        return new LegalDossier(
            LegalDossier.CurrentSchema,
            state.CaseId,
            context.Now,
            effect.Step,
            new DossierDebtor(d.Name, d.Phone, d.Email, d.Address, d.TimeZone, d.Locale, d.Jurisdiction),
            new DossierContract(state.AccountId, state.InvoiceId, state.AmountDue, state.DueDate, state.PolicyId, state.PolicyVersion,
                state.OpenedAt, state.CampaignId),
            Claim(state, effect.Claim, policy, events),
            new DossierStanding(state.Status.ToString(), state.Stage, state.DebtorType?.ToString(), state.PromisesKept, state.BrokenPromises,
                state.Disputed, state.OptOuts.Select(c => c.ToString()).ToList(), state.Contacts.Count),
            Notices(events),
            events.OfType<DocumentStored>().Select(s => new DossierDocument(s.Kind.ToString(), s.ContactId, s.At, s.Location, s.Sha256)).ToList(),
            history.Select(h => new DossierEntry(h.Seq, h.Event.Type, h.Event.At, JsonSerializer.SerializeToElement(h.Event, DomainJson.Options))).ToList());
    }

    private static DossierClaim Claim(CaseState state, ClaimBreakdown claim, EscalationPolicy? policy, IReadOnlyList<CaseEvent> events)
    {
        var payments = events.OfType<PaymentApplied>()
            .Select(p => new DossierPayment(p.PaymentId, p.Amount, p.At, p.ReceivedAt, p.Outstanding))
            .ToList();
        var explanation =
            $"Principal {claim.Principal} = amount due {state.AmountDue} less {payments.Count} payment(s) applied; " +
            (policy?.Penalty is { } p
                ? $"penalty interest {claim.PenaltyInterest} at {p.DailyRate} a day on the outstanding principal from {p.StartAfterDays} day(s) after the due date, capped at {p.CapRate} of it; "
                : $"penalty interest {claim.PenaltyInterest} (the policy charges none); ") +
            (policy?.LateFee is { } f
                ? $"fees {claim.Fees}: the policy's late fee, charged {f.AfterDays} day(s) after the due date; "
                : $"fees {claim.Fees}; ") +
            $"total {claim.Total} as of {claim.AsOf:yyyy-MM-dd} (policy {state.PolicyId} v{state.PolicyVersion}).";
        return new DossierClaim(claim.AsOf, claim.Principal, claim.PenaltyInterest, claim.Fees, claim.Total,
            new DossierComputation(state.AmountDue, state.Recovered, claim.AsOf.DayNumber - state.DueDate.DayNumber, payments,
                policy?.Penalty, policy?.LateFee, explanation));
    }

    private static List<DossierNotice> Notices(IReadOnlyList<CaseEvent> events)
    {
        var stored = events.OfType<DocumentStored>()
            .Where(s => s.ContactId is not null && s.Kind is DocumentKind.DemandNotice or DocumentKind.LawyerLetter)
            .GroupBy(s => s.ContactId!)
            .ToDictionary(g => g.Key, g => g.First());
        return events.OfType<NoticeIssued>()
            .Select(n => new DossierNotice(
                n.Kind == StepAction.LawyerLetter ? "lawyer-letter" : "demand-notice",
                n.ContactId, n.Step, n.At, n.Deadline, n.Claim.Total,
                stored.GetValueOrDefault(n.ContactId)?.Location,
                stored.GetValueOrDefault(n.ContactId)?.Sha256))
            .ToList();
    }
}
