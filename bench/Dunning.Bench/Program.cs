namespace Dunning.Bench;

/// <summary>The benchmark's entry (no top-level statements: the referenced Dunning.Api has a global <c>Program</c> of its
/// own).</summary>
public static class BenchProgram
{
    public static Task<int> Main(string[] args) => BenchCommand.RunAsync(args);
}
