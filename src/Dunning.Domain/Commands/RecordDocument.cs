namespace Dunning.Domain;

/// <summary>A channel stored a document for the case (a rendered notice, a report, the legal dossier); its hash goes
/// into the history as evidence of exactly what was sent.</summary>
public sealed record RecordDocument(
    DateTimeOffset Now,
    DocumentKind Kind,
    string? ContactId,
    string Location,
    string Sha256) : CaseCommand(Now);

/// <summary>Kinds of documents kept as evidence.</summary>
public enum DocumentKind
{
    DemandNotice,
    LawyerLetter,
    SupervisorReport,
    LegalDossier,
}
