namespace Dunning.Channels.Storage.LocalEmulator;

/// <summary>Where the pinned Azurite lives and which loopback ports it should listen on.</summary>
/// <param name="ToolDirectory">The folder holding tools/azurite/package.json and package-lock.json.</param>
/// <param name="BlobPort">Blob service port; 0 picks a free loopback port.</param>
/// <param name="QueuePort">Queue service port; 0 picks a free loopback port.</param>
/// <param name="TablePort">Table service port; 0 picks a free loopback port.</param>
/// <param name="StartTimeout">How long Azurite may take to answer once started (npm ci is not counted); 120 s when null.</param>
/// <param name="Location">A folder to keep the data in, so a restarted Azurite finds it again; in memory when null.</param>
public sealed record AzuriteLaunchOptions(
    string ToolDirectory,
    int BlobPort = 0,
    int QueuePort = 0,
    int TablePort = 0,
    TimeSpan? StartTimeout = null,
    string? Location = null);
