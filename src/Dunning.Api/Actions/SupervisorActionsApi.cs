using Dunning.Api.Auth;
using Dunning.Api.Http;
using Dunning.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Api.Actions;

/// <summary>POST /api/cases/{caseId}/{action} for supervisors: pause, resume, escalate, promise, plan, classify, close
/// (and dispute, opt-out). Each answers 202 with the case's Location; the inbox applies them in order.</summary>
public static class SupervisorActionsApi
{
    public static RouteGroupBuilder MapSupervisorActionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{caseId}").WithTags("Supervisor actions")
            .RequireAuthorization(Roles.Supervisor);

        Map<PauseRequest>(group, "pause", r => r.Reason, (r, c) =>
        {
            if (r.Until is { } until && until <= c.Now)
            {
                c.Errors.Add("until", $"Give an instant in the future (now is {c.Now:O}), or leave it out to pause until resumed.");
            }

            return new PauseCase(c.Now, c.By, c.Reason, r.Until);
        });
        Map<ResumeRequest>(group, "resume", r => r.Reason, (_, c) => new ResumeCase(c.Now, c.By, c.Reason));
        Map<EscalateRequest>(group, "escalate", r => r.Reason, (r, c) =>
        {
            var toStep = string.IsNullOrWhiteSpace(r.ToStep) ? null : r.ToStep.Trim();
            if (toStep is not null && c.Policy.IndexOf(toStep) < 0)
            {
                c.Errors.Add("toStep", $"Use a step of policy {c.Policy.Id} v{c.Policy.Version}: {string.Join(", ", c.Policy.Steps.Select(s => s.Name))}.");
            }

            return new EscalateCase(c.Now, c.By, c.Reason, toStep);
        });
        Map<PromiseRequest>(group, "promise", r => r.Reason, (r, c) =>
        {
            var amount = AmountInput.Read(r.Amount, c.Case.AmountDue.Currency, "amount", c.Errors);
            if (r.Date is null)
            {
                c.Errors.Add("date", "Give the date the debtor promised to pay by (YYYY-MM-DD, their local date).");
            }

            return amount is { } a && r.Date is { } date ? new RecordPromise(c.Now, c.By, c.Reason, a, date) : null;
        });
        Map<PlanRequest>(group, "plan", r => r.Reason, (r, c) =>
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
        });
        Map<ClassifyRequest>(group, "classify", r => r.Reason, (r, c) =>
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
        });
        Map<CloseRequest>(group, "close", r => r.Reason, (r, c) =>
        {
            if (r.ClosedReason is not (ClosedReason.Settled or ClosedReason.WrittenOff or ClosedReason.Cancelled))
            {
                c.Errors.Add("closedReason", "Give Settled, WrittenOff or Cancelled (a payment in full closes a case by itself).");
                return null;
            }

            return new CloseCase(c.Now, c.By, c.Reason, r.ClosedReason.Value);
        });
        Map<DisputeRequest>(group, "dispute", r => r.Reason, (_, c) => new DisputeCase(c.Now, c.By, c.Reason));
        Map<OptOutRequest>(group, "opt-out", r => r.Reason, (r, c) =>
        {
            if (r.Channel is not { } channel)
            {
                c.Errors.Add("channel", $"Give the channel: {string.Join(", ", Enum.GetNames<ContactChannel>())}.");
                return null;
            }

            return new OptOut(c.Now, c.By, c.Reason, channel);
        });
        return group;
    }

    private static void Map<TRequest>(RouteGroupBuilder group, string action, Func<TRequest, string?> reasonOf,
        Func<TRequest, SupervisorActions.Context, CaseCommand?> build) where TRequest : class =>
        group.MapPost(action, (string caseId, HttpContext http, SupervisorActions actions, CancellationToken cancellationToken) =>
                actions.ApplyAsync(http, caseId, reasonOf, build, cancellationToken))
            .WithBodyLimit(BodyLimits.Json)
            .Accepts<TRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName(char.ToUpperInvariant(action[0]) + action[1..].Replace("-", "", StringComparison.Ordinal) + "Case");
}
