using System.Security.Cryptography;

namespace Dunning.Channels.Documents;

/// <summary>Where a case's documents live in the documents container: all under <c>cases/{caseId}/</c>, each name
/// derived from the effect that made it, so a repeated effect finds its own blob again.</summary>
public static class DocumentNames
{
    public static string Notice(string caseId, string contactId, string kind) => $"cases/{caseId}/{contactId}-{kind}.html";

    public static string SupervisorReport(string caseId, long effectSeq) => $"cases/{caseId}/supervisor-report-{effectSeq:D10}.html";

    public static string LegalDossier(string caseId) => $"cases/{caseId}/legal-dossier.json";

    /// <summary>Lower-case hex SHA-256, as the case history records it.</summary>
    public static string Sha256Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
