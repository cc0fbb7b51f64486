namespace Dunning.Api.Engine;

/// <summary>The local engine's log messages, with stable event ids.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Durable engine started: {Description}")]
    public static partial void Started(ILogger logger, string description);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Durable engine stopped; partition leases released")]
    public static partial void Stopped(ILogger logger);
}
