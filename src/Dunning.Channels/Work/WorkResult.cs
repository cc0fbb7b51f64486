namespace Dunning.Channels.Work;

/// <summary>How a field-work request ended, for the HTTP layer to map: Ok 200, Accepted 202, Invalid 400 (with
/// <see cref="Errors"/> per field), NotFound 404, Conflict 409 (with <see cref="Detail"/>).</summary>
public sealed record WorkResult(
    WorkResultKind Kind,
    WorkItem? Item = null,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    string? Detail = null,
    string? MessageId = null)
{
    public static WorkResult NotFound { get; } = new(WorkResultKind.NotFound);

    public static WorkResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(WorkResultKind.Invalid, Errors: errors);

    public static WorkResult Conflict(WorkItem item, string detail) => new(WorkResultKind.Conflict, item, Detail: detail);
}

/// <summary>The outcome classes of a field-work request.</summary>
public enum WorkResultKind
{
    Ok,
    Accepted,
    Invalid,
    NotFound,
    Conflict,
}
