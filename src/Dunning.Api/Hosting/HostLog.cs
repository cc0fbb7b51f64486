namespace Dunning.Api.Hosting;

/// <summary>The host's own log messages (start-up, storage), with stable event ids.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Dunning listening on {Addresses}; clock: {Clock} (speed {Speed}); storage: {Storage}; engine: {Engine}")]
    public static partial void Listening(ILogger logger, string addresses, string clock, double speed, string storage, string engine);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Nothing answers on the storage emulator's ports; starting the pinned Azurite from {ToolDirectory} (the first run installs it with npm ci), data in {Data}")]
    public static partial void StartingAzurite(ILogger logger, string toolDirectory, string data);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Storage: {Storage}; creating the case tables")]
    public static partial void StorageReady(ILogger logger, string storage);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Azurite (pid {ProcessId}) stopped")]
    public static partial void AzuriteStopped(ILogger logger, int processId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Settings read from {Path}")]
    public static partial void SettingsFile(ILogger logger, string path);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "The Azurite of a host that died (pid {ProcessId}) is still shutting down; waiting for it to save and exit")]
    public static partial void WaitingForOrphan(ILogger logger, int processId);
}
