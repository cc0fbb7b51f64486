using Dunning.Endpoints.Cases;
using Dunning.Endpoints.Http;
using Dunning.Channels.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.CaseViews;

/// <summary>GET /api/cases/{caseId}/documents/{name}: a notice, report or dossier the case stored, byte for byte (so
/// its SHA-256 is the one in the history's DocumentStored). Only names under the case's own folder are served, and
/// the answer forbids scripts and sniffing: a stored letter is shown, never run.</summary>
public static class CaseDocuments
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string caseId, string name, HttpContext http, DocumentStore documents, CancellationToken cancellationToken)
    {
        if (!CaseIdFormat.IsPlausible(caseId) || !IsPlainName(name)
            || await documents.ReadAsync($"cases/{caseId}/{name}", cancellationToken) is not { } content)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Document not found.",
                $"Case '{caseId}' has no document '{name}'. Documents are named in the case's history (DocumentStored: location after 'cases/{caseId}/').");
        }

        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["X-Content-SHA256"] = DocumentNames.Sha256Of(content);
        var type = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : "text/html; charset=utf-8";
        return TypedResults.File(content, type);
    }

    private static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 200 && !name.Contains("..", StringComparison.Ordinal)
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
