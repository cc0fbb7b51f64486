using Dunning.Endpoints.Routing;
using Dunning.Endpoints.Cases;
using Dunning.Endpoints.Http;
using Dunning.Channels;
using Dunning.Domain;
using Dunning.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.Channels;

/// <summary>GET /api/cases/{caseId}/messages (viewer): every SMS and e-mail of a case, oldest first, exactly as the
/// debtor receives it (or, with the capture provider, would have).</summary>
public static class CaseMessagesApi
{
    public static IEndpointRouteBuilder MapCaseMessagesApi(this IEndpointRouteBuilder app)
    {
        app.Map(ApiRoutes.ListCaseMessages, ListAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<CaseMessage>>, ProblemHttpResult>> ListAsync(
        string caseId, MessageLog log, CaseStore store, CancellationToken cancellationToken)
    {
        if (!CaseIdFormat.IsPlausible(caseId))
        {
            return Problems.CaseNotFound(caseId);
        }

        var messages = await log.ListAsync(caseId, cancellationToken);
        if (messages.Count == 0 && await store.GetAsync(caseId, cancellationToken) is null)
        {
            return Problems.CaseNotFound(caseId);
        }

        return TypedResults.Ok<IReadOnlyList<CaseMessage>>(messages.Select(CaseMessage.From).ToList());
    }
}

/// <summary>One message of a case as the API shows it.</summary>
public sealed record CaseMessage(
    string ContactId,
    ContactChannel Channel,
    string To,
    string? Subject,
    string Body,
    string? Html,
    IReadOnlyList<string> Attachments,
    string Status,
    string? Detail,
    DateTimeOffset At,
    DateTimeOffset? StatusAt)
{
    public static CaseMessage From(MessageRecord m) =>
        new(m.ContactId, m.Channel, m.To, m.Subject, m.Body, m.Html, m.Attachments, m.Status, m.Detail, m.At, m.StatusAt);
}
