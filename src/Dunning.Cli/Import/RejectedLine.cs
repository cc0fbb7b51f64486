namespace Dunning.Cli;

/// <summary>A row the service did not open: its line in the file (or 1-based position in a JSON array) and what to fix.</summary>
public sealed record RejectedLine(int Line, string Detail);
