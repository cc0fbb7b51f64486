using Dunning.Endpoints.Http;
using Dunning.Endpoints.Routing;
using Dunning.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.Actions;

/// <summary>POST /api/cases/{caseId}/{action} for supervisors: pause, resume, escalate, promise, plan, classify, close
/// (and dispute, opt-out). Each answers 202 with the case's Location; the inbox applies them in order. Each handler
/// only says how its body becomes a command; <see cref="SupervisorActions"/> does the rest.</summary>
public static class SupervisorActionsApi
{
    public static IEndpointRouteBuilder MapSupervisorActionsApi(this IEndpointRouteBuilder app)
    {
        Map<PauseRequest>(app, ApiRoutes.PauseCase, PauseAsync);
        Map<ResumeRequest>(app, ApiRoutes.ResumeCase, ResumeAsync);
        Map<EscalateRequest>(app, ApiRoutes.EscalateCase, EscalateAsync);
        Map<PromiseRequest>(app, ApiRoutes.PromiseCase, PromiseAsync);
        Map<PlanRequest>(app, ApiRoutes.PlanCase, PlanAsync);
        Map<ClassifyRequest>(app, ApiRoutes.ClassifyCase, ClassifyAsync);
        Map<CloseRequest>(app, ApiRoutes.CloseCase, CloseAsync);
        Map<DisputeRequest>(app, ApiRoutes.DisputeCase, DisputeAsync);
        Map<OptOutRequest>(app, ApiRoutes.OptOutCase, OptOutAsync);
        return app;
    }

    public static Task<Results<Accepted<ActionAccepted>, ProblemHttpResult>> PauseAsync(
        string caseId, HttpContext http, SupervisorActions actions, CancellationToken cancellationToken) =>
        actions.ApplyAsync<PauseRequest>(http, caseId, r => r.Reason, (r, c) =>
        {
            if (r.Until is { } until && until <= c.Now)
            {
                c.Errors.Add("until", $"Give an instant in the future (now is {c.Now:O}), or leave it out to pause until resumed.");
            }

            return new PauseCase(c.Now, c.By, c.Reason, r.Until);
        }, cancellationToken);

    public static Task<Results<Accepted<ActionAccepted>, ProblemHttpResult>> ResumeAsync(
        string caseId, HttpContext http, SupervisorActions actions, CancellationToken cancellationToken) =>
        actions.ApplyAsync<ResumeRequest>(http, caseId, r => r.Reason, (_, c) => new ResumeCase(c.Now, c.By, c.Reason), cancellationToken);

    public static Task<Results<Accepted<ActionAccepted>, ProblemHttpResult>> EscalateAsync(
        string caseId, HttpContext http, SupervisorActions actions, CancellationToken cancellationToken) =>
        actions.ApplyAsync<EscalateRequest>(http, caseId, r => r.Reason, (r, c) =>
        {
            var toStep = string.IsNullOrWhiteSpace(r.ToStep) ? null : r.ToStep.Trim();
            if (toStep is not null && c.Policy.IndexOf(toStep) < 0)
            {
                c.Errors.Add("toStep", $"Use a step of policy {c.Policy.Id} v{c.Policy.Version}: {string.Join(", ", c.Policy.Steps.Select(s => s.Name))}.");
            }

            return new EscalateCase(c.Now, c.By, c.Reason, toStep);
        }, cancellationToken);

    public static Task<Results<Accepted<ActionAccepted>, ProblemHttpResult>> PromiseAsync(
        string caseId, HttpContext http, SupervisorActions actions, CancellationToken cancellationToken) =>
        actions.ApplyAsync<PromiseRequest>(http, caseId, r => r.Reason, (r, c) =>
        {
            var amount = AmountInput.Read(r.Amount, c.Case.AmountDue.Currency, "amount", c.Errors);
            if (r.Date is null)
            {
                c.Errors.Add("date", "Give the date the debtor promised to pay by (YYYY-MM-DD, their local date).");
            }

            return amount is { } a && r.Date is { } date ? new RecordPromise(c.Now, c.By, c.Reason, a, date) : null;
        }, cancellationToken);

    public static Task<Results<Accepted<ActionAccepted>, ProblemHttpResult>> PlanAsync(
        string caseId, HttpContext http, SupervisorActions actions, CancellationToken cancellationToken) =>
        actions.ApplyAsync<PlanRequest>(http, caseId, r => r.Reason, (r, c) =>
        {
            if (r.Installments is not { Count: > 0 } installments)
            {
                c.Errors.Add("installments", "Give at least one installment: [{ \"dueDate\": \"2026-12-20\", \"amount\": 1000.00 }].");
                return null;
            }

            var plan = new List<Installment>();
            for (var i = 0; i < installments.Count; i++)
            {
                var amount = AmountInput.Read(installments[i].Amount, c.Case.AmountDue.Currency, $"installments[{i}].amount", c.Errors);
                if (installments[i].DueDate is not { } due)
                {
                    c.Errors.Add($"installments[{i}].dueDate", "Give the installment's due date (YYYY-MM-DD).");
                }
                else if (amount is { } a)
                {
                    plan.Add(new Installment(due, a));
                }
            }

            return new AgreePlan(c.Now, c.By, c.Reason, plan);
        }, cancellationToken);

    public static Task<Results<Accepted<ActionAccepted>, ProblemHttpResult>> ClassifyAsync(
        string caseId, HttpContext http, SupervisorActions actions, CancellationToken cancellationToken) =>
        actions.ApplyAsync<ClassifyRequest>(http, caseId, r => r.Reason, (r, c) =>
        {
            if (r.Willingness is null)
            {
                c.Errors.Add("willingness", "Give Willing or Unwilling.");
            }

            if (r.Ability is null)
            {
                c.Errors.Add("ability", "Give Able or Unable.");
            }

            return r is { Willingness: { } w, Ability: { } a } ? new ClassifyDebtor(c.Now, c.By, c.Reason, w, a) : null;
        }, cancellationToken);

    public static Task<Results<Accepted<ActionAccepted>, ProblemHttpResult>> CloseAsync(
        string caseId, HttpContext http, SupervisorActions actions, CancellationToken cancellationToken) =>
        actions.ApplyAsync<CloseRequest>(http, caseId, r => r.Reason, (r, c) =>
        {
            if (r.ClosedReason is not (ClosedReason.Settled or ClosedReason.WrittenOff or ClosedReason.Cancelled))
            {
                c.Errors.Add("closedReason", "Give Settled, WrittenOff or Cancelled (a payment in full closes a case by itself).");
                return null;
            }

            return new CloseCase(c.Now, c.By, c.Reason, r.ClosedReason.Value);
        }, cancellationToken);

    public static Task<Results<Accepted<ActionAccepted>, ProblemHttpResult>> DisputeAsync(
        string caseId, HttpContext http, SupervisorActions actions, CancellationToken cancellationToken) =>
        actions.ApplyAsync<DisputeRequest>(http, caseId, r => r.Reason, (_, c) => new DisputeCase(c.Now, c.By, c.Reason), cancellationToken);

    public static Task<Results<Accepted<ActionAccepted>, ProblemHttpResult>> OptOutAsync(
        string caseId, HttpContext http, SupervisorActions actions, CancellationToken cancellationToken) =>
        actions.ApplyAsync<OptOutRequest>(http, caseId, r => r.Reason, (r, c) =>
        {
            if (r.Channel is not { } channel)
            {
                c.Errors.Add("channel", $"Give the channel: {string.Join(", ", Enum.GetNames<ContactChannel>())}.");
                return null;
            }

            return new OptOut(c.Now, c.By, c.Reason, channel);
        }, cancellationToken);

    private static void Map<TRequest>(IEndpointRouteBuilder app, ApiRoute route, Delegate handler) where TRequest : notnull =>
        app.Map(route, handler)
            .Accepts<TRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
