using System.Diagnostics;
using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Bench;

/// <summary>Times the first page of active cases: over HTTP from the API (GET /api/cases?status=Active, default page
/// size), or, with the runtime-only stand-in, in-process doing what the endpoint does (one page of the case index, which
/// holds everything a list item shows).</summary>
public static class FirstPageProbe
{
    public const int PageSize = 50;

    public static async Task<(double Ms, int Items)> OverHttpAsync(HttpClient http, Uri baseAddress, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "api/cases?status=Active"));
        request.Headers.Add("X-Api-Key", ServiceProcess.ApiKey);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var ms = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/cases?status=Active answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        }

        using var json = System.Text.Json.JsonDocument.Parse(body);
        return (ms, json.RootElement.GetProperty("items").GetArrayLength());
    }

    /// <summary>The index query alone, and for comparison one point read of a case's state (median of a few, in
    /// milliseconds).</summary>
    public static async Task<(double IndexMs, double StateMs)> PartsAsync(ReadModelStore readModels, CaseStore store, CancellationToken cancellationToken = default)
    {
        var index = new List<double>();
        var state = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            var page = await readModels.ListAsync(CaseStatus.Active, null, null, null, PageSize, null, cancellationToken).ConfigureAwait(false);
            index.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await store.GetAsync(page.Items[i % page.Items.Count].CaseId, cancellationToken).ConfigureAwait(false);
            state.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (Math.Round(index.Order().ElementAt(1), 1), Math.Round(state.Order().ElementAt(1), 1));
    }

    public static async Task<(double Ms, int Items)> InProcessAsync(ReadModelStore readModels, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var page = await readModels.ListAsync(CaseStatus.Active, null, null, null, PageSize, null, cancellationToken).ConfigureAwait(false);
        return (clock.Elapsed.TotalMilliseconds, page.Items.Count);
    }
}
