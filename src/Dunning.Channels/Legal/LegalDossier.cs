using System.Text.Json;
using Dunning.Domain;

namespace Dunning.Channels.Legal;

/// <summary>Everything legal needs to take the claim over, as stored in <c>cases/{caseId}/legal-dossier.json</c>.
/// The records below are its parts; they exist only as this document's shape.</summary>
public sealed record LegalDossier(
    string Schema,
    string CaseId,
    DateTimeOffset BuiltAt,
    string Step,
    DossierDebtor Debtor,
    DossierContract Contract,
    DossierClaim Claim,
    DossierStanding Standing,
    IReadOnlyList<DossierNotice> Notices,
    IReadOnlyList<DossierDocument> Documents,
    IReadOnlyList<DossierEntry> Timeline)
{
    public const string CurrentSchema = "dunning.legal-dossier/1";
}

public sealed record DossierDebtor(string Name, string? Phone, string? Email, string? Address, string TimeZone, string Locale, string? Jurisdiction);

public sealed record DossierContract(
    string AccountId,
    string InvoiceId,
    Money AmountDue,
    DateOnly DueDate,
    string PolicyId,
    int PolicyVersion,
    DateTimeOffset OpenedAt,
    string? CampaignId);

/// <summary>The claim at hand-off and how it was reached: amount due less payments gives the principal; penalty
/// interest and fees follow the pinned policy's terms.</summary>
public sealed record DossierClaim(
    DateOnly AsOf,
    Money Principal,
    Money PenaltyInterest,
    Money Fees,
    Money Total,
    DossierComputation Computation);

public sealed record DossierComputation(
    Money AmountDue,
    Money Recovered,
    int DaysPastDue,
    IReadOnlyList<DossierPayment> Payments,
    PenaltyTerms? Penalty,
    LateFee? LateFee,
    string Explanation);

public sealed record DossierPayment(string PaymentId, Money Amount, DateTimeOffset RecordedAt, DateTimeOffset? ReceivedAt, Money OutstandingAfter);

public sealed record DossierStanding(
    string Status,
    string Stage,
    string? DebtorType,
    int PromisesKept,
    int BrokenPromises,
    bool Disputed,
    IReadOnlyList<string> OptOuts,
    int Contacts);

/// <summary>A written notice as issued (deadline, claim) and as stored (location, SHA-256).</summary>
public sealed record DossierNotice(
    string Kind,
    string ContactId,
    string Step,
    DateTimeOffset IssuedAt,
    DateOnly Deadline,
    Money Total,
    string? Location,
    string? Sha256);

/// <summary>Every document the history recorded, notices and supervisor reports alike.</summary>
public sealed record DossierDocument(string Kind, string? ContactId, DateTimeOffset StoredAt, string Location, string Sha256);

/// <summary>One history event: its sequence, type, instant, and the event itself as the history stores it.</summary>
public sealed record DossierEntry(long Seq, string Type, DateTimeOffset At, JsonElement Data);
