namespace Dunning.Cli;

/// <summary>Dry-run <see cref="Script"/> under the policy in <see cref="PolicyPath"/> (null: the built-in default).</summary>
public sealed record SimulateRequest(SimulationScript Script, string? PolicyPath, bool Json, bool Verbose);
