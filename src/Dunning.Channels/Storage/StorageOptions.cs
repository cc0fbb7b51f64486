namespace Dunning.Channels.Storage;

/// <summary>Where Dunning keeps its own data (case tables, read models, channel tables, documents), bound from
/// <c>Dunning:Storage</c>; <c>ConnectionStrings:Storage</c> overrides the connection string. With <see cref="AccountName"/>
/// set, the account is reached with an Entra ID token (a managed identity on Azure) and no key.</summary>
public sealed class StorageOptions
{
    public const string Section = "Dunning:Storage";

    /// <summary>Storage connection string (Azurite's in development).</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The storage account's name, for identity-based access (the registered <c>TokenCredential</c>, by default
    /// <c>DefaultAzureCredential</c>); when set, <see cref="ConnectionString"/> is not used.</summary>
    public string? AccountName { get; set; }

    /// <summary>The storage endpoints' DNS suffix for <see cref="AccountName"/> (another for a sovereign cloud).</summary>
    public string EndpointSuffix { get; set; } = "core.windows.net";

    /// <summary>Whether the account is reached by identity rather than by connection string.</summary>
    public bool UsesIdentity => !string.IsNullOrWhiteSpace(AccountName);

    /// <summary>The endpoint of one of the account's services (<c>blob</c>, <c>queue</c>, <c>table</c>) for identity-based access.</summary>
    public Uri ServiceUri(string service) => new($"https://{AccountName}.{service}.{EndpointSuffix}");

    /// <summary>Prefix of every table, queue and container, so several deployments (or tests) can share one account.</summary>
    public string Prefix { get; set; } = "dunning";

    /// <summary>The prefix as table names allow it: letters and digits only.</summary>
    public string TablePrefix => new(Prefix.Where(char.IsLetterOrDigit).ToArray());

    /// <summary>The prefix as queue and container names allow it: lower case.</summary>
    public string LowerPrefix => Prefix.ToLowerInvariant();
}
