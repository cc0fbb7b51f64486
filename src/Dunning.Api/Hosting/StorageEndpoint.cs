namespace Dunning.Api.Hosting;

/// <summary>What a storage connection string points at: the local emulator (with its ports) or a real account.</summary>
public sealed record StorageEndpoint(bool IsLocalEmulator, string TableHost, int BlobPort, int QueuePort, int TablePort)
{
    private const int DefaultBlobPort = 10000;
    private const int DefaultQueuePort = 10001;
    private const int DefaultTablePort = 10002;

    public static StorageEndpoint Parse(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.OrdinalIgnoreCase);

        if (parts.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var isDevelopment) && isDevelopment)
        {
            return new StorageEndpoint(true, "127.0.0.1", DefaultBlobPort, DefaultQueuePort, DefaultTablePort);
        }

        if (!parts.TryGetValue("TableEndpoint", out var table) || !Uri.TryCreate(table, UriKind.Absolute, out var tableUri) || !IsLoopback(tableUri))
        {
            return new StorageEndpoint(false, "", 0, 0, 0);
        }

        return new StorageEndpoint(true, tableUri.Host, PortOf(parts, "BlobEndpoint"), PortOf(parts, "QueueEndpoint"), tableUri.Port);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || string.Equals(uri.Host, "127.0.0.1", StringComparison.Ordinal);

    // 0 lets the launcher pick a free port for a service the connection string does not name.
    private static int PortOf(Dictionary<string, string> parts, string key) =>
        parts.TryGetValue(key, out var value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) && IsLoopback(uri) ? uri.Port : 0;
}
