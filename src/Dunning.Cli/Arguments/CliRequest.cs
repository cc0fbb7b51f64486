namespace Dunning.Cli;

/// <summary>What a command line asks the tool to do.</summary>
public abstract record CliRequest;

/// <summary>Show the usage text.</summary>
public sealed record HelpRequest : CliRequest;

/// <summary>Dry-run <see cref="Script"/> under the policy in <see cref="PolicyPath"/> (null: the built-in default).</summary>
public sealed record SimulateRequest(SimulationScript Script, string? PolicyPath, bool Json, bool Verbose) : CliRequest;
