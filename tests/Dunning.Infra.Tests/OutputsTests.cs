using Dunning.Infra.Tests.Infrastructure;

namespace Dunning.Infra.Tests;

/// <summary>The deployment answers what the next steps (package upload, console, smoke checks) need.</summary>
public sealed class OutputsTests
{
    [Fact]
    public void Outputs_NameWhatTheDeploymentStepsNeed()
    {
        var outputs = CompiledMain.Template.Outputs;

        Assert.Equal(
            new[] { "appName", "appUrl", "consoleUrl", "storageAccount", "communicationServices", "keyVault", "deploymentContainer" }.Order(StringComparer.Ordinal),
            outputs.Select(o => o.Key).Order(StringComparer.Ordinal));
        Assert.StartsWith("[format('https://{0}/console', ", outputs["consoleUrl"]!["value"]!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("[format('https://{0}', ", outputs["appUrl"]!["value"]!.ToString(), StringComparison.Ordinal);
    }
}
