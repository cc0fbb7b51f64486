namespace Dunning.Channels.Storage;

/// <summary>Where Dunning keeps its own data (case tables, read models, channel tables, documents), bound from
/// <c>Dunning:Storage</c>; <c>ConnectionStrings:Storage</c> overrides the connection string.</summary>
public sealed class StorageOptions
{
    public const string Section = "Dunning:Storage";

    /// <summary>Storage connection string (Azurite's in development).</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prefix of every table, queue and container, so several deployments (or tests) can share one account.</summary>
    public string Prefix { get; set; } = "dunning";

    /// <summary>The prefix as table names allow it: letters and digits only.</summary>
    public string TablePrefix => new(Prefix.Where(char.IsLetterOrDigit).ToArray());

    /// <summary>The prefix as queue and container names allow it: lower case.</summary>
    public string LowerPrefix => Prefix.ToLowerInvariant();
}
