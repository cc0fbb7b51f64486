using System.Text.Json;
using Dunning.Domain;

namespace Dunning.Endpoints.Actions;

/// <summary>Bodies of the supervisor actions. Each names a reason; the rest is what the action needs.</summary>
public sealed record PauseRequest(string? Reason, DateTimeOffset? Until);

public sealed record ResumeRequest(string? Reason);

public sealed record EscalateRequest(string? Reason, string? ToStep);

/// <summary><see cref="Amount"/> is a number in the case's currency or <c>{ "amount", "currency" }</c>.</summary>
public sealed record PromiseRequest(string? Reason, JsonElement? Amount, DateOnly? Date);

public sealed record PlanRequest(string? Reason, IReadOnlyList<InstallmentRequest>? Installments);

public sealed record InstallmentRequest(DateOnly? DueDate, JsonElement? Amount);

public sealed record ClassifyRequest(string? Reason, Willingness? Willingness, Ability? Ability);

public sealed record CloseRequest(string? Reason, ClosedReason? ClosedReason);

public sealed record DisputeRequest(string? Reason);

public sealed record OptOutRequest(string? Reason, ContactChannel? Channel);

/// <summary>The body of a 202: which command was queued for which case, under which message id.</summary>
public sealed record ActionAccepted(string CaseId, string Command, string MessageId);
