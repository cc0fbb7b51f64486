using System.Text.Json.Nodes;

namespace Dunning.Infra.Tests.Infrastructure;

/// <summary>infra/main.bicep compiled once per test run with the pinned CLI: what the CLI said, and the ARM JSON.</summary>
internal static class CompiledMain
{
    private static readonly Lazy<ProcessRun> Compilation = new(Compile);
    private static readonly Lazy<ArmTemplate> Parsed = new(Parse);

    public static ProcessRun Build => Compilation.Value;

    public static ArmTemplate Template => Parsed.Value;

    private static ProcessRun Compile()
    {
        var bicep = BicepCli.Restore();
        return ProcessRun.Start(bicep, ["build", Path.Combine(Repository.Infra, "main.bicep"), "--stdout"], TimeSpan.FromMinutes(2));
    }

    private static ArmTemplate Parse()
    {
        if (Build.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Build.Command} exited {Build.ExitCode}:\n{Build.StandardError}");
        }

        return new ArmTemplate(JsonNode.Parse(Build.StandardOutput)!.AsObject());
    }
}
