using System.Net;
using System.Text;
using System.Text.Json;

namespace Dunning.Cli.Tests;

/// <summary>The campaign endpoints as HTTP-API.md has them, in memory: POST /api/campaigns answers 202 with a Location
/// and the first status; each GET of that Location answers the next status, the last one again and again. Calls
/// without the operator key get a 401 problem; <see cref="Refuse"/> answers a call instead when it returns a response.
/// Every request is kept for the test to inspect.</summary>
internal sealed class FakeCampaignService(params CampaignStatus[] progress) : HttpMessageHandler
{
    public const string OperatorKey = "dev-operator-key";
    public const string CampaignId = "cmp4f1c2a9e0b7d3f5a6c8e";
    public const string Location = $"/api/campaigns/{CampaignId}";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<ReceivedRequest> _received = [];
    private int _polls;

    public Func<ReceivedRequest, HttpResponseMessage?> Refuse { get; init; } = _ => null;

    /// <summary>Called after each GET with how many there have been; lets a test act while the tool is polling.</summary>
    public Action<int> OnPoll { get; init; } = _ => { };

    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    public IReadOnlyList<ReceivedRequest> Polls => Received.Where(r => r.Method == HttpMethod.Get).ToList();

    public static HttpResponseMessage Problem(HttpStatusCode status, string title, string detail, Dictionary<string, string[]>? errors = null)
    {
        var body = JsonSerializer.Serialize(new { type = "https://tools.ietf.org/html/rfc9110", title, status = (int)status, detail, errors }, Json);
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json") };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var key = request.Headers.TryGetValues("X-Api-Key", out var keys) ? string.Join(",", keys) : null;
        var received = new ReceivedRequest(request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.MediaType, key, body);
        lock (_received)
        {
            _received.Add(received);
        }

        if (Refuse(received) is { } refusal)
        {
            return refusal;
        }

        if (key != OperatorKey)
        {
            return Problem(HttpStatusCode.Unauthorized, "Unauthorized.", "Send an operator API key in the X-Api-Key header.");
        }

        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Post && path == "/api/campaigns")
        {
            var accepted = Answer(HttpStatusCode.Accepted, progress[0]);
            accepted.Headers.Location = new Uri(Location, UriKind.Relative);
            return accepted;
        }

        if (request.Method == HttpMethod.Get && path == Location)
        {
            var poll = Interlocked.Increment(ref _polls);
            var answer = Answer(HttpStatusCode.OK, progress[Math.Min(poll, progress.Length - 1)]);
            OnPoll(poll);
            return answer;
        }

        return Problem(HttpStatusCode.NotFound, "Not found.", $"Nothing at {path}.");
    }

    /// <summary>The body as the real service writes it, with its extra fields (createdAt, source).</summary>
    private static HttpResponseMessage Answer(HttpStatusCode status, CampaignStatus campaign)
    {
        var body = JsonSerializer.Serialize(new
        {
            campaignId = campaign.CampaignId,
            total = campaign.Total,
            opened = campaign.Opened,
            duplicates = campaign.Duplicates,
            failed = campaign.Failed,
            done = campaign.Done,
            errors = (campaign.Errors ?? []).Select(e => new { line = e.Line, detail = e.Detail }),
            createdAt = "2026-11-09T10:00:00+00:00",
            source = "csv",
        }, Json);
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
