using Dunning.Endpoints.Auth;
using Dunning.Endpoints.Cases;
using Dunning.Endpoints.Http;
using Dunning.Endpoints.Logging;
using Dunning.Domain;
using Dunning.Channels;
using Dunning.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.Actions;

/// <summary>The common path of every supervisor action: read and check the body, require a reason, find the case, and
/// record the command in the case's command log (then ring its workflow) with the caller as actor. Whether the action fits the case's status is the
/// decider's call: a misfit is recorded and rejected in the history, never silently dropped.</summary>
public sealed class SupervisorActions(CaseStore store, ICaseCommands commands, PolicyCatalog policies, VirtualClock clock, ILogger<SupervisorActions> logger)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int MaxReasonLength = 2000;

    /// <summary>What an action needs to build its command.</summary>
    public sealed record Context(CaseState Case, EscalationPolicy Policy, Actor By, string Reason, DateTimeOffset Now, ValidationErrors Errors);

    public async Task<Results<Accepted<ActionAccepted>, ProblemHttpResult>> ApplyAsync<TRequest>(
        HttpContext http, string caseId, Func<TRequest, string?> reasonOf, Func<TRequest, Context, CaseCommand?> build, CancellationToken cancellationToken)
        where TRequest : class
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<TRequest>(http, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var errors = new ValidationErrors();
        var reason = reasonOf(request)?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            errors.Add("reason", $"Say why (1 to {MaxReasonLength} characters): the reason is kept in the case's history.");
        }

        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length > 100)
        {
            errors.Add(IdempotencyHeader, "Use an idempotency key of at most 100 characters.");
        }

        if (!CaseIdFormat.IsPlausible(caseId) || await store.GetAsync(caseId, cancellationToken) is not { } stored)
        {
            return Problems.CaseNotFound(caseId);
        }

        var policy = policies.Find(stored.State.PolicyId, stored.State.PolicyVersion)
            ?? throw new InvalidOperationException($"Case {caseId} pins an unknown policy.");
        var by = CallerActor.Of(http.User);
        var command = build(request, new Context(stored.State, policy, by, reason ?? "", clock.GetUtcNow(), errors));
        if (errors.Any || command is null)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        // A client that retries with the same Idempotency-Key gets its action applied once: the key names the command.
        var messageId = key.Length > 0 ? $"act-{caseId}-{key}" : $"act-{Guid.NewGuid():N}";
        await commands.SubmitAsync(caseId, command, messageId, cancellationToken);
        var name = command.GetType().Name;
        ApiLog.ActionEnqueued(logger, name, caseId, by.Name);
        return TypedResults.Accepted(CasesApi.Location(caseId), new ActionAccepted(caseId, name, messageId));
    }
}
