namespace Dunning.Channels.Acs;

/// <summary>A Communication Services connection string, <c>endpoint=https://&lt;res&gt;.communication.azure.com/;accesskey=&lt;base64&gt;</c>.</summary>
public sealed record AcsConnectionString(Uri Endpoint, string AccessKey)
{
    /// <summary>Reads the two parts in any order and casing; the key keeps its '=' padding (only the first '=' of a
    /// part separates name from value).</summary>
    public static AcsConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        string? endpoint = null;
        string? key = null;
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException("An ACS connection string is 'endpoint=https://<resource>.communication.azure.com/;accesskey=<base64 key>'; a part without '=' was found.");
            }

            var name = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = value;
            }
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                key = value;
            }
        }

        if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new FormatException("The ACS connection string has no valid 'endpoint=' (an absolute https URL of the resource).");
        }

        if (string.IsNullOrEmpty(key) || !IsBase64(key))
        {
            throw new FormatException("The ACS connection string has no valid 'accesskey=' (the resource's base64 access key).");
        }

        return new AcsConnectionString(uri, key);
    }

    /// <summary>Never prints the key: connection strings end up in exception messages and logs.</summary>
    public override string ToString() => $"endpoint={Endpoint};accesskey=***";

    private static bool IsBase64(string value) => Convert.TryFromBase64String(value, new byte[value.Length], out _);
}
