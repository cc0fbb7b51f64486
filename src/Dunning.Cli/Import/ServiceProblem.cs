namespace Dunning.Cli;

/// <summary>Why the service refused a call: its RFC 9457 problem details (title, detail, errors per field), or what
/// the tool could make of an error answer that was not one.</summary>
public sealed record ServiceProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]>? Errors);
