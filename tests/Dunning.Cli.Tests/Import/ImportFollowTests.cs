using System.Text;
using System.Text.RegularExpressions;

namespace Dunning.Cli.Tests;

/// <summary>dunning import against the campaign endpoints: what it sends, how it follows the campaign, what it prints.</summary>
public sealed class ImportFollowTests : IDisposable
{
    private const string PhoneDetail = "debtor.phone: Give a valid phone number in E.164 form: '+', country code and number, no spaces (e.g. +8613800138000).";
    private static readonly RejectedLine[] Rejected = [new(4, PhoneDetail)];
    private readonly CampaignFileFixture _files = new();

    /// <summary>Five rows: line 4 rejected and line 6 a duplicate from the start; the cases open over three polls.</summary>
    private static FakeCampaignService Service() => new(
        new CampaignStatus(FakeCampaignService.CampaignId, 5, 0, 1, 1, false, Rejected),
        new CampaignStatus(FakeCampaignService.CampaignId, 5, 1, 1, 1, false, Rejected),
        new CampaignStatus(FakeCampaignService.CampaignId, 5, 1, 1, 1, false, Rejected),
        new CampaignStatus(FakeCampaignService.CampaignId, 5, 3, 1, 1, true, Rejected));

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task GivenACsvFileAndAnOperatorKey_WhenImported_ThenTheFileIsPostedAsCsvWithTheKeyToTheDefaultAddress()
    {
        var service = Service();
        var file = _files.Write("accounts.csv", CampaignFileFixture.Csv);

        var run = await ImportRun.OfAsync(service, "import", file, "--key", FakeCampaignService.OperatorKey);

        Assert.Equal(CliApp.Success, run.ExitCode);
        var post = Assert.Single(service.Received, r => r.Method == HttpMethod.Post);
        Assert.Equal(new Uri("http://127.0.0.1:7071/api/campaigns"), post.Uri);
        Assert.Equal("text/csv", post.MediaType);
        Assert.Equal(FakeCampaignService.OperatorKey, post.Key);
        Assert.Equal(await File.ReadAllBytesAsync(file), post.Body);
    }

    [Fact]
    public async Task GivenAcceptedCampaign_WhenFollowed_ThenTheLocationIsPolledWithTheKeyUntilDoneAndNoLonger()
    {
        var service = Service();
        var file = _files.Write("accounts.csv", CampaignFileFixture.Csv);

        var run = await ImportRun.OfAsync(service, "import", file, "--api", "http://dunning.test:8080", "--key", FakeCampaignService.OperatorKey);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(new Uri("http://dunning.test:8080/api/campaigns"), service.Received[0].Uri);
        Assert.Equal(3, service.Polls.Count);
        Assert.All(service.Polls, poll =>
        {
            Assert.Equal(new Uri("http://dunning.test:8080" + FakeCampaignService.Location), poll.Uri);
            Assert.Equal(FakeCampaignService.OperatorKey, poll.Key);
        });
    }

    [Fact]
    public async Task GivenOutputThatIsNotATerminal_WhenFollowed_ThenEachChangeOfProgressIsOnePlainLine()
    {
        var file = _files.Write("accounts.csv", CampaignFileFixture.Csv);

        var run = await ImportRun.OfAsync(Service(), "import", file, "--key", FakeCampaignService.OperatorKey);

        Assert.Contains($"Campaign {FakeCampaignService.CampaignId} accepted: accounts.csv, 5 row(s).", run.Stdout, StringComparison.Ordinal);
        var progress = run.Stdout.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Contains("rows processed", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "2/5 rows processed (opened 0, duplicates 1, failed 1)",
                "3/5 rows processed (opened 1, duplicates 1, failed 1)",
                "5/5 rows processed (opened 3, duplicates 1, failed 1): done",
            ],
            progress);
        Assert.DoesNotContain("\u001b[", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenADoneCampaignWithARejectedLine_WhenFollowed_ThenTheSummaryShowsTheCountsAndTheLineWithItsDetail()
    {
        var file = _files.Write("accounts.csv", CampaignFileFixture.Csv);

        var run = await ImportRun.OfAsync(Service(), "import", file, "--key", FakeCampaignService.OperatorKey);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Matches(new Regex(@"Total\s*│\s*Opened\s*│\s*Duplicates\s*│\s*Failed"), run.Stdout);
        Assert.Matches(new Regex(@"│\s*5\s*│\s*3\s*│\s*1\s*│\s*1\s*│"), run.Stdout);
        Assert.Contains("Rejected lines", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"│\s*4\s*│ debtor\.phone: Give a valid phone number in E\.164 form"), run.Stdout);
        Assert.Contains("import the file again", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenACampaignWithoutRejectedLines_WhenDone_ThenTheSummarySaysSo()
    {
        var service = new FakeCampaignService(new CampaignStatus(FakeCampaignService.CampaignId, 2, 2, 0, 0, true, []));
        var file = _files.Write("accounts.csv", CampaignFileFixture.Csv);

        var run = await ImportRun.OfAsync(service, "import", file, "--key", FakeCampaignService.OperatorKey);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Empty(service.Polls);
        Assert.Contains("2/2 rows processed (opened 2, duplicates 0, failed 0): done", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("No rejected lines.", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Rejected lines", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAJsonFile_WhenImported_ThenItIsPostedAsApplicationJson()
    {
        var service = Service();
        var file = _files.Write("accounts.json", CampaignFileFixture.Json);

        var run = await ImportRun.OfAsync(service, "import", file, "--key", FakeCampaignService.OperatorKey);

        Assert.Equal(CliApp.Success, run.ExitCode);
        var post = service.Received[0];
        Assert.Equal("application/json", post.MediaType);
        Assert.Equal(CampaignFileFixture.Json, Encoding.UTF8.GetString(post.Body));
    }

    [Fact]
    public async Task GivenNoKeyOption_WhenDunningApiKeyIsSet_ThenThatKeyIsSent()
    {
        var service = Service();
        var file = _files.Write("accounts.csv", CampaignFileFixture.Csv);
        var variables = new Dictionary<string, string> { [ImportEnvironment.KeyVariable] = FakeCampaignService.OperatorKey };

        var run = await ImportRun.OfAsync(service, variables, CancellationToken.None, "import", file);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.All(service.Received, request => Assert.Equal(FakeCampaignService.OperatorKey, request.Key));
    }

    [Fact]
    public async Task GivenBothAKeyOptionAndDunningApiKey_WhenImported_ThenTheOptionWins()
    {
        var service = Service();
        var file = _files.Write("accounts.csv", CampaignFileFixture.Csv);
        var variables = new Dictionary<string, string> { [ImportEnvironment.KeyVariable] = "dev-viewer-key" };

        var run = await ImportRun.OfAsync(service, variables, CancellationToken.None, "import", "--key=" + FakeCampaignService.OperatorKey, file);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Equal(FakeCampaignService.OperatorKey, service.Received[0].Key);
    }
}
