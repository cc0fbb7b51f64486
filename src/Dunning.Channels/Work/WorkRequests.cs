namespace Dunning.Channels.Work;

/// <summary>POST /api/visits/{id}/outcome: what the visit found; <see cref="Promise"/> only with outcome Promised.</summary>
public sealed record VisitOutcomeRequest(string? Outcome, string? Notes, PromiseRequest? Promise);

/// <summary>A promise made on a visit: <see cref="Amount"/> in the case's currency by <see cref="Date"/> (debtor's local date).</summary>
public sealed record PromiseRequest(decimal? Amount, DateOnly? Date);

/// <summary>POST /api/calls/{id}/outcome: whether a conversation took place.</summary>
public sealed record CallOutcomeRequest(bool? Connected, string? Notes);

/// <summary>POST /api/{visits|calls}/{id}/assign: a collector, a region, or both.</summary>
public sealed record AssignmentRequest(string? Collector, string? Region);
