namespace Dunning.Chaos;

/// <summary>The chaos run's entry (no top-level statements: the referenced Dunning.Api has a global <c>Program</c> of
/// its own). The run starts this executable again with <c>worker</c> for each of its worker processes.</summary>
public static class ChaosProgram
{
    public static Task<int> Main(string[] args) => ChaosCommand.RunAsync(args);
}
