namespace Dunning.Cli;

/// <summary>The command line cannot be understood; the message says what to fix and is shown as is, without a trace.</summary>
public sealed class UsageException(string message) : Exception(message);
