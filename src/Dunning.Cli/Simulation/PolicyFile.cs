using Dunning.Domain;

namespace Dunning.Cli;

/// <summary>Loads the policy a dry run uses: a JSON document through <see cref="EscalationPolicyParser"/>, or the
/// built-in default. Problems go to the error writer as <c>path: message</c>, one a line, and give null.</summary>
public static class PolicyFile
{
    public const string DefaultPolicyId = "default";

    public static EscalationPolicy? Load(string? path, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        if (path is null)
        {
            return PolicyCatalog.Default.Latest(DefaultPolicyId)
                ?? throw new InvalidOperationException($"The built-in policy '{DefaultPolicyId}' is missing.");
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"dunning: cannot read policy file '{path}': {unreadable.Message}");
            return null;
        }

        var parsed = EscalationPolicyParser.Parse(json);
        foreach (var warning in parsed.Warnings)
        {
            stderr.WriteLine($"warning: {path}: {warning}");
        }

        if (parsed.Policy is null)
        {
            stderr.WriteLine($"dunning: policy file '{path}' is invalid:");
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine(error.ToString());
            }
        }

        return parsed.Policy;
    }
}
