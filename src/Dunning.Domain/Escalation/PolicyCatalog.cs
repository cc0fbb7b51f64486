namespace Dunning.Domain;

/// <summary>The escalation policies known to a deployment, by id and version. Immutable, and a version once added is
/// never replaced, so the (id, version) a case pinned always resolves to the ladder it started with.</summary>
public sealed class PolicyCatalog
{
    private const string DefaultResourceName = "Dunning.Domain.Policies.default.json";

    private readonly Dictionary<(string Id, int Version), EscalationPolicy> policies;

    private PolicyCatalog(Dictionary<(string Id, int Version), EscalationPolicy> policies)
    {
        this.policies = policies;
        All = policies.Values
            .OrderBy(policy => policy.Id, StringComparer.Ordinal)
            .ThenBy(policy => policy.Version)
            .ToList()
            .AsReadOnly();
    }

    /// <summary>The catalog holding only the embedded default policy (Policies/default.json).</summary>
    public static PolicyCatalog Default { get; } = new PolicyCatalog([]).With(LoadEmbeddedDefault());

    /// <summary>Every policy, ordered by id and then version.</summary>
    public IReadOnlyCollection<EscalationPolicy> All { get; }

    /// <summary>A catalog that also holds <paramref name="policy"/>. Adding an (id, version) already present throws:
    /// changing a published version would silently change running cases; publish a new version instead.</summary>
    public PolicyCatalog With(EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var key = (policy.Id, policy.Version);
        if (policies.ContainsKey(key))
        {
            throw new ArgumentException(
                $"Policy '{policy.Id}' version {policy.Version} is already in the catalog; publish a new version instead.",
                nameof(policy));
        }

        return new PolicyCatalog(new(policies) { [key] = policy });
    }

    public EscalationPolicy? Find(string id, int version) => policies.GetValueOrDefault((id, version));

    public EscalationPolicy? Latest(string id) =>
        All.Where(policy => string.Equals(policy.Id, id, StringComparison.Ordinal)).MaxBy(policy => policy.Version);

    /// <summary>A broken embedded default is a build defect, not bad input, so it fails the type's initialisation
    /// with every error listed.</summary>
    private static EscalationPolicy LoadEmbeddedDefault()
    {
        var assembly = typeof(PolicyCatalog).Assembly;
        using var stream = assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultResourceName} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var result = EscalationPolicyParser.Parse(reader.ReadToEnd());
        return result.Policy ?? throw new InvalidOperationException(
            $"The embedded default policy is invalid:\n{string.Join("\n", result.Errors.Select(error => $"  {error}"))}");
    }
}
