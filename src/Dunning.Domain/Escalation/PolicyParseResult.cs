namespace Dunning.Domain;

/// <summary>The outcome of reading a policy document: the policy when there is no error, otherwise every error found.
/// Warnings never block a policy; they point at settings that are legal but probably not meant.</summary>
public sealed record PolicyParseResult(
    EscalationPolicy? Policy,
    IReadOnlyList<PolicyError> Errors,
    IReadOnlyList<string> Warnings);
