namespace Dunning.Channels.Storage.LocalEmulator;

/// <summary>Builds the full development-storage connection string for an Azurite on 127.0.0.1.</summary>
public static class AzuriteConnectionString
{
    /// <summary>The well-known development account every Azurite accepts; it is public and guards nothing.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known development account key, published in Azurite's and Azure's documentation.</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>
    /// Spells every endpoint out rather than saying UseDevelopmentStorage=true, because that shorthand
    /// always means the default ports 10000-10002 and tests run Azurite on free ones.
    /// </summary>
    public static string Create(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;" +
        $"AccountName={AccountName};" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
}
