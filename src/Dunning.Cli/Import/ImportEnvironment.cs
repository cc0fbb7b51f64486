namespace Dunning.Cli;

/// <summary>What an import takes from outside the process: environment variables, the HTTP stack (null: real
/// sockets) and how often it asks for progress. The process uses <see cref="Process"/>; tests pass a fake service's
/// handler and no delay.</summary>
public sealed record ImportEnvironment(Func<string, string?> Variable, HttpMessageHandler? Handler, TimeSpan PollInterval)
{
    /// <summary>Where the API key comes from when --key is not given.</summary>
    public const string KeyVariable = "DUNNING_API_KEY";

    public static ImportEnvironment Process { get; } = new(Environment.GetEnvironmentVariable, null, TimeSpan.FromMilliseconds(500));

    /// <summary>How long one request may take before the tool gives up on the service.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
