using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Dunning.Cli;

/// <summary>The two calls an import makes: POST /api/campaigns with the file, then GET of the Location it answers
/// with. Any answer but success becomes a <see cref="ServiceProblemException"/>; network failures stay
/// <see cref="HttpRequestException"/>s for the caller to explain.</summary>
public sealed class CampaignClient(HttpClient http)
{
    public const string KeyHeader = "X-Api-Key";
    private const int ExcerptLength = 300;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Sends the campaign; returns where to follow it and, when the 202 carried one, its first status.</summary>
    public async Task<(Uri Location, CampaignStatus? Accepted)> ImportAsync(byte[] file, string mediaType, CancellationToken cancellationToken = default)
    {
        using var body = new ByteArrayContent(file);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await http.PostAsync(new Uri("api/campaigns", UriKind.Relative), body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken);
        }

        if (response.Headers.Location is not { } location)
        {
            throw new ServiceProblemException(new ServiceProblem((int)response.StatusCode, "No Location.",
                "The service accepted the campaign but did not say where to follow it (no Location header); is --api the Dunning service?", null));
        }

        var absolute = location.IsAbsoluteUri ? location : new Uri(http.BaseAddress!, location);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (absolute, text.Length == 0 ? null : Status(text, (int)response.StatusCode));
    }

    public async Task<CampaignStatus> GetAsync(Uri location, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(location, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken);
        }

        return Status(await response.Content.ReadAsStringAsync(cancellationToken), (int)response.StatusCode);
    }

    private static CampaignStatus Status(string text, int status)
    {
        try
        {
            if (JsonSerializer.Deserialize<CampaignStatus>(text, Json) is { CampaignId: not null } campaign)
            {
                return campaign;
            }
        }
        catch (JsonException)
        {
            // Reported below with what was received.
        }

        throw new ServiceProblemException(new ServiceProblem(status, "Unexpected answer.",
            $"Expected a campaign ({{ campaignId, total, opened, duplicates, failed, done, errors }}), got: {Excerpt(text)}", null));
    }

    /// <summary>The problem details of an error answer; when the body is not one, the status and a hint instead.</summary>
    private static async Task<ServiceProblemException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        ProblemBody? body = null;
        try
        {
            body = text.TrimStart().StartsWith('{') ? JsonSerializer.Deserialize<ProblemBody>(text, Json) : null;
        }
        catch (JsonException)
        {
            // Not problem details after all: fall back to the status line.
        }

        var title = body?.Title ?? $"{status} {response.ReasonPhrase}".TrimEnd();
        var detail = body?.Detail ?? Hint(response.StatusCode) ?? (text.Length > 0 ? Excerpt(text) : null);
        return new ServiceProblemException(new ServiceProblem(status, title, detail, body?.Errors));
    }

    private static string? Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "The service did not accept the key: give an operator key with --key or DUNNING_API_KEY.",
        HttpStatusCode.Forbidden => "The key's role may not import campaigns: use an operator key.",
        HttpStatusCode.NotFound => "No campaign endpoint there: check that --api is the Dunning service's address.",
        HttpStatusCode.RequestEntityTooLarge => "The file is larger than the service accepts: split it into smaller campaigns.",
        _ => null,
    };

    private static string Excerpt(string text)
    {
        var trimmed = text.Trim().ReplaceLineEndings(" ");
        return trimmed.Length <= ExcerptLength ? trimmed : trimmed[..ExcerptLength] + "...";
    }

    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
