using System.Text.Json.Serialization;

namespace Dunning.Domain;

/// <summary>Something the runtime must do after a decision is committed. Each is dispatched once per outbox key
/// (case id + outbox sequence); the JSON discriminator <c>kind</c> names the handler.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ArmTimer), nameof(ArmTimer))]
[JsonDerivedType(typeof(SendSms), nameof(SendSms))]
[JsonDerivedType(typeof(SendEmail), nameof(SendEmail))]
[JsonDerivedType(typeof(CreateCallTask), nameof(CreateCallTask))]
[JsonDerivedType(typeof(ScheduleVisit), nameof(ScheduleVisit))]
[JsonDerivedType(typeof(SendNotice), nameof(SendNotice))]
[JsonDerivedType(typeof(ReportToSupervisor), nameof(ReportToSupervisor))]
[JsonDerivedType(typeof(HandOffToLegal), nameof(HandOffToLegal))]
[JsonDerivedType(typeof(CancelOpenWork), nameof(CancelOpenWork))]
public abstract record CaseEffect
{
    [JsonIgnore]
    public string Kind => GetType().Name;
}

/// <summary>What every outgoing message may say about the case: enough to name the creditor's claim and how to pay,
/// and nothing a third party should read (templates decide what they show).</summary>
public sealed record MessageFacts(
    string CaseId,
    string AccountId,
    string InvoiceId,
    string DebtorName,
    string Locale,
    string TimeZone,
    Money Outstanding,
    DateOnly DueDate,
    string Stage);

/// <summary>Wake the case at <paramref name="DueAt"/> with <paramref name="Token"/>.</summary>
public sealed record ArmTimer(string Token, DateTimeOffset DueAt) : CaseEffect;

public sealed record SendSms(string ContactId, string Step, string To, MessageFacts Facts, string? FallbackFor) : CaseEffect;

public sealed record SendEmail(string ContactId, string Step, string To, MessageFacts Facts, string? FallbackFor) : CaseEffect;

/// <summary>A collector should call <paramref name="Phone"/> from <paramref name="NotBefore"/>, inside the contact window.</summary>
public sealed record CreateCallTask(string ContactId, string Step, string Phone, DateTimeOffset NotBefore, MessageFacts Facts) : CaseEffect;

/// <summary>A field visit on <paramref name="Date"/> (debtor's local date) in working hours.</summary>
public sealed record ScheduleVisit(string ContactId, string Step, string? Address, DateOnly Date, DateTimeOffset NotBefore, MessageFacts Facts) : CaseEffect;

/// <summary>Render a written notice, store it as evidence, e-mail it (when an address is known) and queue it for post.</summary>
public sealed record SendNotice(
    string ContactId,
    string Step,
    StepAction NoticeKind,
    DateOnly Deadline,
    ClaimBreakdown Claim,
    string? Email,
    string? Address,
    MessageFacts Facts) : CaseEffect;

public sealed record ReportToSupervisor(string Step, ClaimBreakdown Claim, MessageFacts Facts) : CaseEffect;

/// <summary>Build the legal dossier (debtor, contract, claim, full timeline, notices) and notify legal.</summary>
public sealed record HandOffToLegal(string Step, ClaimBreakdown Claim, MessageFacts Facts) : CaseEffect;

/// <summary>Cancel call tasks and visits still open for the case (it closed or went to legal).</summary>
public sealed record CancelOpenWork(string Why) : CaseEffect;
