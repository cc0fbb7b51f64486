namespace Dunning.Cli.Tests;

/// <summary>A command line the import cannot act on exits 2 with a message on stderr, and calls no service.</summary>
public sealed class ImportArgumentTests : IDisposable
{
    private readonly CampaignFileFixture _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string[], string> Mistakes => new()
    {
        { ["import"], "Required argument 'FILE' missing for command: 'import'" },
        { ["import", "a.csv", "b.csv"], "Unrecognized command or argument 'b.csv'" },
        { ["import", "a.csv", "--colour", "red"], "Unrecognized command or argument '--colour'" },
        { ["import", "a.csv", "--api"], "Required argument missing for option: '--api'" },
        { ["import", "a.csv", "--key", ""], "--key is empty" },
        { ["import", "a.csv", "--key", "k1", "--key", "k2"], "Option '--key' expects a single argument but 2 were provided" },
        { ["import", "a.csv", "--api", "127.0.0.1:7071", "--key", "k"], "--api: '127.0.0.1:7071' is not the service's http(s) address" },
        { ["import", "a.csv", "--api", "ftp://127.0.0.1", "--key", "k"], "--api: 'ftp://127.0.0.1' is not the service's http(s) address" },
        { ["import", "accounts.xlsx", "--key", "k"], "'accounts.xlsx': the campaign file must be a .csv file" },
        { ["import", "a.csv"], "import needs an operator API key: give --key KEY or set DUNNING_API_KEY" },
        { ["import", "a.csv", "--key", "dev-operator\nkey"], "the API key contains control characters" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task GivenABadImportCommandLine_WhenRun_ThenItExitsTwoWithAClearMessageAndCallsNoService(string[] args, string message)
    {
        var service = new FakeCampaignService(new CampaignStatus("c", 0, 0, 0, 0, true, []));

        var run = await ImportRun.OfAsync(service, args);

        AssertUsageError(run, message);
        Assert.Empty(service.Received);
    }

    [Fact]
    public async Task GivenAFileThatDoesNotExist_WhenImported_ThenItExitsTwoNamingTheFile()
    {
        var service = new FakeCampaignService(new CampaignStatus("c", 0, 0, 0, 0, true, []));
        var missing = _files.PathOf("missing.csv");

        var run = await ImportRun.OfAsync(service, "import", missing, "--key", FakeCampaignService.OperatorKey);

        AssertUsageError(run, $"file '{missing}' not found");
        Assert.Empty(service.Received);
    }

    [Fact]
    public async Task GivenAnEmptyFile_WhenImported_ThenItExitsTwoSayingTheHeaderRowIsNeeded()
    {
        var service = new FakeCampaignService(new CampaignStatus("c", 0, 0, 0, 0, true, []));
        var empty = _files.Write("empty.csv", "");

        var run = await ImportRun.OfAsync(service, "import", empty, "--key", FakeCampaignService.OperatorKey);

        AssertUsageError(run, "is empty; a campaign file starts with the header row");
        Assert.Empty(service.Received);
    }

    [Fact]
    public void GivenHelp_WhenRun_ThenTheImportCommandAndItsKeyVariableAreDescribed()
    {
        var run = CliRun.Of("import", "--help");

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Contains("dunning import <FILE> [options]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--api <URL>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--key <KEY>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("DUNNING_API_KEY", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 the service refused the import or cannot be reached", run.Stdout, StringComparison.Ordinal);
    }

    private static void AssertUsageError(ImportRun run, string message)
    {
        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith("dunning: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }
}
