using System.Text.Json.Nodes;
using Dunning.Domain;

namespace Dunning.Cli.Tests;

public sealed class PolicyFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dunning-cli-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_directory, $"policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static JsonNode DefaultDocument()
    {
        using var stream = typeof(PolicyCatalog).Assembly.GetManifestResourceStream("Dunning.Domain.Policies.default.json")!;
        return JsonNode.Parse(stream)!;
    }

    [Fact]
    public void GivenAnInvalidPolicy_WhenRun_ThenEachErrorIsPrintedWithItsPathAndItExitsTwo()
    {
        var document = DefaultDocument();
        document["id"] = "Not An Id";
        document["version"] = 0;
        document["steps"]![0]!["offsetDays"] = "soon";

        var run = CliRun.Example("--policy", Write(document.ToJsonString()));

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, line => line.StartsWith("id: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("version: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("steps[0]", StringComparison.Ordinal) && line.Contains("offsetDays: ", StringComparison.Ordinal));
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenMalformedJson_WhenRun_ThenTheErrorPointsAtTheDocumentAndItExitsTwo()
    {
        var run = CliRun.Example("--policy", Write("{ \"id\": "));

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("$: malformed JSON", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAMissingPolicyFile_WhenRun_ThenItSaysSoAndExitsTwo()
    {
        var run = CliRun.Example("--policy", Path.Combine(_directory, "nope.json"));

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("cannot read policy file", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAValidPolicyFile_WhenRun_ThenItsLadderIsSimulated()
    {
        var document = DefaultDocument();
        document["id"] = "trial";
        document["version"] = 2;
        document["steps"]![0]!["offsetDays"] = -5;
        document["steps"]![0]!["at"] = "10:30";

        var run = CliRun.Example("--json", "--policy", Write(document.ToJsonString()));

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Contains("policy trial v2", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"at\": \"2026-11-15T10:30:00+08:00\",\n    \"type\": \"SmsSent\"", run.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
