using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>Small HTTP helpers: JSON in, parsed JSON out, and polling until the service shows what a test waits for.</summary>
public static class Http
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, JsonNode body) =>
        client.PostRawAsync(path, body.ToJsonString(), "application/json");

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync(path, content);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        Assert.True(expected == response.StatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>Asserts a problem-details answer with the status and (for validation) the field named.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), body);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {body}");
        }

        return problem;
    }

    /// <summary>Polls GET <paramref name="path"/> until <paramref name="condition"/> holds (see <see cref="Wait"/>).</summary>
    public static Task<JsonElement> WaitForAsync(this HttpClient client, string path, Func<JsonElement, bool> condition, double seconds = 15) =>
        Wait.ForAsync(async () =>
        {
            using var response = await client.GetAsync(path);
            return response.StatusCode == HttpStatusCode.OK ? await response.JsonAsync() : default;
        }, last => last.ValueKind != JsonValueKind.Undefined && condition(last), TimeSpan.FromSeconds(seconds), $"GET {path} to reach the expected state");

    public static IEnumerable<JsonElement> Items(this JsonElement array) => array.EnumerateArray();

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;

    public static bool HasEvent(this JsonElement history, string type) => history.Items().Any(h => h.Str("type") == type);
}
