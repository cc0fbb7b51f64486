using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dunning.Cli.Tests;

/// <summary>When the service refuses, fails or is not there, the tool says what the service said (or what to do) on
/// stderr and exits 1.</summary>
public sealed class ImportRefusalTests : IDisposable
{
    private static readonly CampaignStatus Running = new(FakeCampaignService.CampaignId, 5, 1, 0, 0, false, []);
    private readonly CampaignFileFixture _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task GivenAKeyTheServiceDoesNotKnow_WhenImported_ThenThe401ProblemIsPrintedAndItExitsOne()
    {
        var service = new FakeCampaignService(Running);
        var file = _files.Write("accounts.csv", CampaignFileFixture.Csv);

        var run = await ImportRun.OfAsync(service, "import", file, "--key", "not-a-key");

        Assert.Equal(CliApp.Failure, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("dunning: the import was refused (HTTP 401): Unauthorized.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Send an operator API key in the X-Api-Key header.", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(service.Polls);
    }

    [Fact]
    public async Task GivenAFileTheServiceCannotRead_WhenImported_ThenTheValidationProblemWithItsErrorsIsPrintedAndItExitsOne()
    {
        var service = new FakeCampaignService(Running)
        {
            Refuse = _ => FakeCampaignService.Problem(HttpStatusCode.BadRequest, "The request is not valid.",
                "The file as a whole cannot be read; fix it and send it again.",
                new Dictionary<string, string[]> { ["header"] = ["The first line must be the header row. Missing: dueDate."] }),
        };
        var file = _files.Write("accounts.csv", "accountId,invoiceId\nA-1,INV-1\n");

        var run = await ImportRun.OfAsync(service, "import", file, "--key", FakeCampaignService.OperatorKey);

        Assert.Equal(CliApp.Failure, run.ExitCode);
        Assert.Contains("(HTTP 400): The request is not valid.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  The file as a whole cannot be read; fix it and send it again.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  header: The first line must be the header row. Missing: dueDate.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAnErrorThatIsNotProblemDetails_WhenImported_ThenTheStatusAndWhatCameBackArePrinted()
    {
        var service = new FakeCampaignService(Running)
        {
            Refuse = _ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>upstream down</html>", Encoding.UTF8, "text/html") },
        };
        var file = _files.Write("accounts.csv", CampaignFileFixture.Csv);

        var run = await ImportRun.OfAsync(service, "import", file, "--key", FakeCampaignService.OperatorKey);

        Assert.Equal(CliApp.Failure, run.ExitCode);
        Assert.Contains("(HTTP 502): 502 Bad Gateway", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("<html>upstream down</html>", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenTheServiceFailsWhileFollowing_WhenPolled_ThenTheProblemIsPrintedWithWhereTheCampaignGoesOn()
    {
        var service = new FakeCampaignService(Running)
        {
            Refuse = request => request.Method == HttpMethod.Get
                ? FakeCampaignService.Problem(HttpStatusCode.ServiceUnavailable, "Storage unavailable.", "Try again in a moment.")
                : null,
        };
        var file = _files.Write("accounts.csv", CampaignFileFixture.Csv);

        var run = await ImportRun.OfAsync(service, "import", file, "--key", FakeCampaignService.OperatorKey);

        Assert.Equal(CliApp.Failure, run.ExitCode);
        Assert.Contains($"following campaign {FakeCampaignService.CampaignId} failed (HTTP 503): Storage unavailable.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"see it with GET /api/campaigns/{FakeCampaignService.CampaignId}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenNothingListensAtTheAddress_WhenImported_ThenItSaysHowToStartTheServiceAndExitsOne()
    {
        var file = _files.Write("accounts.csv", CampaignFileFixture.Csv);
        var port = ClosedPort();

        var run = await ImportRun.OfAsync(null, "import", file, "--api", $"http://127.0.0.1:{port}", "--key", FakeCampaignService.OperatorKey);

        Assert.Equal(CliApp.Failure, run.ExitCode);
        Assert.Contains($"dunning: cannot reach the Dunning service at http://127.0.0.1:{port}/", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Is the service running? Start it with `dotnet run --project src/Dunning.Api`.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenTheUserInterruptsWhileFollowing_WhenCancelled_ThenItStopsAndSaysTheCampaignGoesOn()
    {
        using var interrupt = new CancellationTokenSource();
        var service = new FakeCampaignService(Running) { OnPoll = polls => { if (polls == 3) { interrupt.Cancel(); } } };
        var file = _files.Write("accounts.csv", CampaignFileFixture.Csv);

        var run = await ImportRun.OfAsync(service, new Dictionary<string, string>(), interrupt.Token,
            "import", file, "--key", FakeCampaignService.OperatorKey);

        Assert.Equal(CliApp.Failure, run.ExitCode);
        Assert.Equal(3, service.Polls.Count);
        Assert.Contains($"dunning: stopped following campaign {FakeCampaignService.CampaignId}.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"The service goes on with campaign {FakeCampaignService.CampaignId}", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A loopback port that was free a moment ago and has nobody listening now.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
