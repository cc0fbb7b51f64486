using System.Globalization;
using Spectre.Console;

namespace Dunning.Cli;

/// <summary><c>dunning import</c>: sends the file to POST /api/campaigns, follows the campaign until every row is
/// handled, then prints the counts and the rejected lines. Rejected lines are part of a finished import (exit 0);
/// a refusal or an unreachable service is exit 1; a missing file or key is a bad argument (exit 2).</summary>
public static class CampaignImport
{
    public const string StartHint = "Is the service running? Start it with `dotnet run --project src/Dunning.Api`.";

    public static async Task<int> RunAsync(ImportRequest request, ImportEnvironment environment, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var key = (request.Key ?? environment.Variable(ImportEnvironment.KeyVariable))?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            return Usage(stderr, $"import needs an operator API key: give --key KEY or set {ImportEnvironment.KeyVariable} (the development key is dev-operator-key)");
        }

        if (key.Any(char.IsControl))
        {
            return Usage(stderr, "the API key contains control characters; give it as printed in the service's settings");
        }

        byte[] file;
        try
        {
            file = await CampaignFileReader.ReadAsync(request.FilePath, cancellationToken);
        }
        catch (UsageException unreadable)
        {
            return Usage(stderr, unreadable.Message);
        }

        using var http = new HttpClient(environment.Handler ?? new SocketsHttpHandler(), disposeHandler: environment.Handler is null)
        {
            BaseAddress = request.Api,
            Timeout = environment.RequestTimeout,
        };
        http.DefaultRequestHeaders.Add(CampaignClient.KeyHeader, key);
        var client = new CampaignClient(http);
        var output = ImportConsole.For(stdout);
        string? campaignId = null;
        try
        {
            var (location, accepted) = await client.ImportAsync(file, request.MediaType, cancellationToken);
            campaignId = accepted?.CampaignId ?? Uri.UnescapeDataString(location.Segments[^1]);
            var first = accepted ?? await client.GetAsync(location, cancellationToken);
            output.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Campaign {campaignId} accepted: {Path.GetFileName(request.FilePath)}, {first.Total} row(s)."));
            var final = await CampaignProgressView.FollowAsync(output, first, ct => client.GetAsync(location, ct), environment.PollInterval, cancellationToken);
            ImportSummary.Write(output.Console, final);
            return CliApp.Success;
        }
        catch (ServiceProblemException refused)
        {
            WriteProblem(stderr, refused.Problem, campaignId);
        }
        catch (HttpRequestException failed) when (failed.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            stderr.WriteLine($"dunning: cannot reach the Dunning service at {request.Api} ({failed.Message}).");
            stderr.WriteLine(failed.HttpRequestError == HttpRequestError.NameResolutionError ? "Check the host name in --api." : StartHint);
            WriteStillRunning(stderr, campaignId);
        }
        catch (HttpRequestException failed)
        {
            stderr.WriteLine($"dunning: the call to {request.Api} failed: {failed.Message}");
            WriteStillRunning(stderr, campaignId);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine($"dunning: the service at {request.Api} did not answer within {environment.RequestTimeout.TotalSeconds:0} s.");
            WriteStillRunning(stderr, campaignId);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine(campaignId is null
                ? "dunning: interrupted before the service answered; the campaign may or may not have been stored."
                : $"dunning: stopped following campaign {campaignId}.");
            WriteStillRunning(stderr, campaignId);
        }

        return CliApp.Failure;
    }

    private static void WriteProblem(TextWriter stderr, ServiceProblem problem, string? campaignId)
    {
        var what = campaignId is null ? "the import was refused" : $"following campaign {campaignId} failed";
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dunning: {what} (HTTP {problem.Status}): {problem.Title}"));
        if (problem.Detail is { Length: > 0 } detail)
        {
            stderr.WriteLine($"  {detail}");
        }

        foreach (var (field, messages) in problem.Errors ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages)
            {
                stderr.WriteLine($"  {field}: {message}");
            }
        }

        WriteStillRunning(stderr, campaignId);
    }

    /// <summary>Once accepted, a campaign goes on in the service whatever happens to the tool.</summary>
    private static void WriteStillRunning(TextWriter stderr, string? campaignId)
    {
        if (campaignId is not null)
        {
            stderr.WriteLine($"The service goes on with campaign {campaignId}; see it with GET /api/campaigns/{campaignId}.");
        }
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"dunning: {message}");
        stderr.WriteLine("Run 'dunning --help' for usage.");
        return CliApp.UsageError;
    }
}
