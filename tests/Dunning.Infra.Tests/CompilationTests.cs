using Dunning.Infra.Tests.Infrastructure;

namespace Dunning.Infra.Tests;

/// <summary>main.bicep compiles with the pinned Bicep CLI, and nothing of the custom-handler deployment is left.</summary>
public sealed class CompilationTests
{
    [Fact]
    public void MainBicep_CompilesWithNoWarning()
    {
        var build = CompiledMain.Build;

        var diagnostics = build.StandardError.Split('\n')
            .Where(line => line.Contains("Warning", StringComparison.OrdinalIgnoreCase) || line.Contains("Error", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.True(build.ExitCode == 0 && diagnostics.Count == 0,
            $"{build.Command} exited {build.ExitCode} with {diagnostics.Count} diagnostic(s):\n{build.StandardError}");
    }

    [Fact]
    public void CustomHandler_IsGoneFromInfra()
    {
        Assert.False(Directory.Exists(Path.Combine(Repository.Infra, "functions")), "infra/functions (the custom handler's host.json) is back.");

        var template = CompiledMain.Template.Json.ToJsonString();

        Assert.DoesNotContain("customHandler", template, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Dunning.Api", template, StringComparison.Ordinal);
    }
}
