namespace Dunning.Domain;

/// <summary>The errors and warnings found while reading one policy document. Reading carries on after an error so
/// that an author sees every mistake in one pass.</summary>
internal sealed class PolicyProblems
{
    private readonly List<PolicyError> errors = [];
    private readonly List<string> warnings = [];

    public IReadOnlyList<PolicyError> Errors => errors;

    public IReadOnlyList<string> Warnings => warnings;

    public bool HasErrors => errors.Count > 0;

    public void Error(string path, string message) => errors.Add(new PolicyError(path, message));

    public void Warn(string path, string message) => warnings.Add($"{path}: {message}");
}
