using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Runtime;
using Dunning.Runtime.Tests;

namespace Dunning.Api.Tests;

/// <summary>A host in Functions custom-handler mode: no queue polling of its own.</summary>
public sealed class FunctionsModeHost : ApiHost
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Dunning:Host:FunctionsHandler", "true"),
        ("Dunning:Runtime:RunProcessors", "false"),
        ("Dunning:Host:OpenCaseWait", "00:00:00.300"),
    ];
}

/// <summary>The Functions queue trigger: the host posts the queue message to /ProcessInbox and the case processor
/// applies it; without processors an open answers 202 until then.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsHandlerTests(AzuriteFixture azurite, FunctionsModeHost host) : IClassFixture<FunctionsModeHost>
{
    private readonly ApiHost _api = host.Use(azurite);

    [Fact]
    public async Task GivenNoProcessors_WhenACaseIsOpened_Then202_AndWhenTheQueueTriggerDeliversIt_ThenTheCaseExists()
    {
        using var opened = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid());
        Assert.Equal(HttpStatusCode.Accepted, opened.StatusCode);
        var location = opened.Headers.Location!.ToString();
        using var before = await _api.Viewer.GetAsync(location);
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        var storage = _api.Get<StorageClients>();
        string? message = null;
        foreach (var queue in storage.Inbox)
        {
            var received = (await queue.ReceiveMessagesAsync(1)).Value;
            if (received.Length == 1)
            {
                message = received[0].Body.ToString();
            }
        }

        Assert.NotNull(message);
        // The Functions host may hand a string message over JSON-quoted.
        var invocation = new JsonObject
        {
            ["Data"] = new JsonObject { ["message"] = JsonSerializer.Serialize(message) },
            ["Metadata"] = new JsonObject { ["DequeueCount"] = 1, ["Id"] = "m-1" },
        };
        using var triggered = await _api.Anonymous.PostJsonAsync("/ProcessInbox", invocation);

        Assert.Equal(HttpStatusCode.OK, triggered.StatusCode);
        var result = await triggered.JsonAsync();
        Assert.Equal(JsonValueKind.Object, result.GetProperty("Outputs").ValueKind);
        Assert.Equal(0, result.GetProperty("Logs").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("ReturnValue").ValueKind);
        var read = await _api.Viewer.GetJsonAsync(location);
        Assert.Equal("Active", read.Str("status"));
    }

    [Fact]
    public async Task GivenAMessageThatIsNoEnvelope_WhenTriggered_ThenNon2xxSoTheHostRetries()
    {
        var invocation = new JsonObject { ["Data"] = new JsonObject { ["message"] = "{\"nonsense\":true" }, ["Metadata"] = new JsonObject() };

        using var response = await _api.Anonymous.PostJsonAsync("/ProcessInbox", invocation);

        Assert.False(response.IsSuccessStatusCode);
    }
}
