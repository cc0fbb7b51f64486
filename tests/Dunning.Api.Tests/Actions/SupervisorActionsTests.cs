using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>Supervisor actions answer 202 with the case's Location, go through the command log, and land in the history with
/// the caller as actor and the reason given; one that does not fit the case is recorded as rejected.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SupervisorActionsTests(AzuriteFixture azurite, ApiHost host) : IClassFixture<ApiHost>
{
    private readonly ApiHost _api = host.Use(azurite);

    private async Task<string> OpenAsync(string dueDate = "2026-11-10")
    {
        using var response = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid(dueDate: dueDate));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).Str("caseId");
    }

    private async Task<JsonElement> ActAsync(string caseId, string action, JsonObject body)
    {
        using var response = await _api.Supervisor.PostJsonAsync($"/api/cases/{caseId}/{action}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal($"/api/cases/{caseId}", response.Headers.Location?.ToString());
        return await response.JsonAsync();
    }

    private Task<JsonElement> HistoryWithAsync(string caseId, string type) =>
        _api.Viewer.WaitForAsync($"/api/cases/{caseId}/history", h => h.HasEvent(type));

    [Fact]
    public async Task GivenAnActiveCase_WhenPausedAndResumed_ThenBothAreInTheHistoryWithActorAndReason()
    {
        var caseId = await OpenAsync();

        await ActAsync(caseId, "pause", new JsonObject { ["reason"] = "debtor in hospital", ["until"] = "2026-12-01T00:00:00+08:00" });
        var paused = await _api.Viewer.WaitForAsync($"/api/cases/{caseId}", c => c.Str("status") == "Paused");
        await ActAsync(caseId, "resume", new JsonObject { ["reason"] = "discharged" });
        var history = await HistoryWithAsync(caseId, "CaseResumed");

        Assert.Equal("2026-12-01T00:00:00+08:00", DateTimeOffset.Parse(paused.Str("pausedUntil")).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"));
        var pause = history.Items().Single(h => h.Str("type") == "CasePaused");
        Assert.Equal("test-supervisor", pause.Str("actor"));
        Assert.Equal("Supervisor", pause.Str("actorKind"));
        Assert.Equal("debtor in hospital", pause.Str("reason"));
        Assert.Equal("discharged", history.Items().Single(h => h.Str("type") == "CaseResumed").Str("reason"));
    }

    [Fact]
    public async Task GivenAnActiveCase_WhenResumed_ThenTheRejectionIsRecorded()
    {
        var caseId = await OpenAsync();

        await ActAsync(caseId, "resume", new JsonObject { ["reason"] = "by mistake" });
        var history = await HistoryWithAsync(caseId, "CommandRejected");

        var rejected = history.Items().Single(h => h.Str("type") == "CommandRejected");
        Assert.Equal("test-supervisor", rejected.Str("actor"));
        Assert.Equal("by mistake", rejected.Str("reason"));
    }

    [Fact]
    public async Task GivenAnActiveCase_WhenEscalatedToAStep_ThenItJumpsThere()
    {
        var caseId = await OpenAsync();

        await ActAsync(caseId, "escalate", new JsonObject { ["reason"] = "no answer", ["toStep"] = "demand-notice" });
        var history = await HistoryWithAsync(caseId, "CaseEscalated");

        Assert.Equal("demand-notice", history.Items().Single(h => h.Str("type") == "CaseEscalated").GetProperty("data").Str("toStep"));
        await _api.Viewer.WaitForAsync($"/api/cases/{caseId}", c => c.Str("stage") == "demand-notice");
    }

    [Fact]
    public async Task GivenAnActiveCase_WhenAPromiseIsRecorded_ThenItHoldsTheCase()
    {
        var caseId = await OpenAsync();

        await ActAsync(caseId, "promise", new JsonObject { ["reason"] = "phone call", ["amount"] = 5000, ["date"] = "2026-11-20" });
        var history = await HistoryWithAsync(caseId, "PromiseRecorded");

        var promise = history.Items().Single(h => h.Str("type") == "PromiseRecorded").GetProperty("data");
        Assert.Equal(5000m, promise.GetProperty("amount").GetProperty("amount").GetDecimal());
        Assert.Equal("2026-11-20", promise.Str("date"));
    }

    [Fact]
    public async Task GivenAnActiveCase_WhenAPlanIsAgreed_ThenItIsRecorded()
    {
        var caseId = await OpenAsync();
        var installments = new JsonArray(
            new JsonObject { ["dueDate"] = "2026-12-10", ["amount"] = 6000 },
            new JsonObject { ["dueDate"] = "2027-01-10", ["amount"] = new JsonObject { ["amount"] = 6000, ["currency"] = "CNY" } });

        await ActAsync(caseId, "plan", new JsonObject { ["reason"] = "agreed on the phone", ["installments"] = installments });
        var history = await HistoryWithAsync(caseId, "PlanAgreed");

        Assert.Equal(2, history.Items().Single(h => h.Str("type") == "PlanAgreed").GetProperty("data").GetProperty("installments").GetArrayLength());
    }

    [Fact]
    public async Task GivenAnActiveCase_WhenClassified_ThenTheDebtorTypeShows()
    {
        var caseId = await OpenAsync();

        await ActAsync(caseId, "classify", new JsonObject { ["reason"] = "lost job", ["willingness"] = "Willing", ["ability"] = "Unable" });

        await _api.Viewer.WaitForAsync($"/api/cases/{caseId}", c => c.GetProperty("debtorType").GetString() == "WillingUnable");
    }

    [Fact]
    public async Task GivenAnActiveCase_WhenClosedAsSettled_ThenItIsClosedWithThatReason()
    {
        var caseId = await OpenAsync();

        await ActAsync(caseId, "close", new JsonObject { ["reason"] = "settled for less", ["closedReason"] = "Settled" });

        var closed = await _api.Viewer.WaitForAsync($"/api/cases/{caseId}", c => c.Str("status") == "Closed");
        Assert.Equal("Settled", closed.Str("closedReason"));
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("nextAction").ValueKind);
    }

    [Fact]
    public async Task GivenTheSameIdempotencyKey_WhenAnActionIsSentTwice_ThenItIsAppliedOnce()
    {
        var caseId = await OpenAsync();
        for (var i = 0; i < 2; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/dispute")
            {
                Content = new StringContent("""{"reason":"debtor disputes the amount"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", "dispute-1");
            using var response = await _api.Supervisor.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await HistoryWithAsync(caseId, "DisputeRaised");
        await CaseCommands.SettledAsync(_api, caseId);
        var history = await _api.Viewer.GetJsonAsync($"/api/cases/{caseId}/history");
        Assert.Single(history.Items(), h => h.Str("type") == "DisputeRaised");
        Assert.DoesNotContain(history.Items(), h => h.Str("type") == "CommandRejected");
    }

    [Theory]
    [InlineData("pause", """{}""", "reason")]
    [InlineData("pause", """{"reason":"   "}""", "reason")]
    [InlineData("pause", """{"reason":"x","until":"2020-01-01T00:00:00Z"}""", "until")]
    [InlineData("escalate", """{"reason":"x","toStep":"space-launch"}""", "toStep")]
    [InlineData("promise", """{"reason":"x","amount":0,"date":"2026-11-20"}""", "amount.amount")]
    [InlineData("promise", """{"reason":"x","amount":{"amount":5,"currency":"USD"},"date":"2026-11-20"}""", "amount.currency")]
    [InlineData("promise", """{"reason":"x","amount":5}""", "date")]
    [InlineData("plan", """{"reason":"x","installments":[]}""", "installments")]
    [InlineData("classify", """{"reason":"x","willingness":"Willing"}""", "ability")]
    [InlineData("close", """{"reason":"x","closedReason":"PaidInFull"}""", "closedReason")]
    [InlineData("opt-out", """{"reason":"x"}""", "channel")]
    public async Task GivenAnIncompleteAction_WhenSent_Then400NamingTheField(string action, string body, string field)
    {
        var caseId = await OpenAsync();

        using var response = await _api.Supervisor.PostRawAsync($"/api/cases/{caseId}/{action}", body, "application/json");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("classify", """{"reason":"x","willingness":"Maybe","ability":"Able"}""")]
    [InlineData("close", """{"reason":"x","closedReason":"Forgotten"}""")]
    [InlineData("pause", """{"reason":"x""")]
    public async Task GivenAnUnknownEnumValueOrMalformedJson_WhenSent_Then400(string action, string body)
    {
        var caseId = await OpenAsync();

        using var response = await _api.Supervisor.PostRawAsync($"/api/cases/{caseId}/{action}", body, "application/json");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GivenNoSuchCase_WhenActedOn_Then404()
    {
        using var response = await _api.Supervisor.PostJsonAsync("/api/cases/c000000000000000000000000/pause", new JsonObject { ["reason"] = "x" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GivenAnOversizedBody_WhenActing_Then413()
    {
        var caseId = await OpenAsync();

        using var response = await _api.Supervisor.PostJsonAsync($"/api/cases/{caseId}/pause", new JsonObject { ["reason"] = new string('x', 70 * 1024) });

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
