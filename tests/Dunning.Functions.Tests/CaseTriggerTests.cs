using System.Text.Json.Nodes;
using Dunning.Domain;
using Dunning.Workflow;
using Dunning.Workflow.Tests;
using Microsoft.DurableTask;
using Moq;

namespace Dunning.Functions.Tests;

/// <summary>The /api/cases triggers: they open a case by scheduling its workflow under the case id, read cases, and
/// answer the contract's status codes and problem details, with the invocation's Durable client as a mock.</summary>
public sealed class CaseTriggerTests(AzuriteFixture azurite) : FunctionAppTest(azurite)
{
    [Fact]
    public async Task GivenAValidCase_WhenOpened_ThenItsWorkflowIsScheduledUnderTheCaseIdAndTheAnswerIs202WithItsLocation()
    {
        var durable = FunctionApp.Durable();
        var account = Cases.NewAccount();

        var answer = await App.InvokeAsync<CaseFunctions>((f, r) => f.OpenCase(r, durable.Object), "POST", "/api/cases", FunctionAppHost.OperatorKey,
            Request(account).ToJsonString());

        // No engine runs the workflow here, so the case is not committed within the wait: the contract's slow-open answer.
        var caseId = CaseIds.For(account, "INV-FN-1");
        Assert.True(answer.Status == 202, answer.ToString());
        Assert.Equal($"/api/cases/{caseId}", answer.Location);
        Assert.Equal(caseId, answer.Json.GetProperty("caseId").GetString());
        durable.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.Is<TaskName>(n => n.Name == CaseWorkflow.Orchestrator),
            It.Is<object?>(input => input is CaseRun && ((CaseRun)input).CaseId == caseId && ((CaseRun)input).Open!.AmountDue == new Money(8000m, "CNY")),
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == caseId),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task GivenACaseWithABadPhoneAndNoCurrency_WhenOpened_ThenA400NamesBothFieldsAndNothingIsScheduled()
    {
        var durable = FunctionApp.Durable();
        var body = Request(Cases.NewAccount());
        body["debtor"]!["phone"] = "12345";
        body["amountDue"]!["currency"] = "XXQ";

        var answer = await App.InvokeAsync<CaseFunctions>((f, r) => f.OpenCase(r, durable.Object), "POST", "/api/cases", FunctionAppHost.OperatorKey, body.ToJsonString());

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.StartsWith("application/problem+json", answer.Headers.ContentType.ToString(), StringComparison.Ordinal);
        var errors = answer.Json.GetProperty("errors");
        Assert.True(errors.TryGetProperty("debtor.phone", out _), answer.Body);
        Assert.True(errors.TryGetProperty("amountDue.currency", out _), answer.Body);
        durable.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task GivenMalformedJson_WhenOpened_ThenA400ProblemSaysWhereAndNotA500()
    {
        var answer = await App.InvokeAsync<CaseFunctions>((f, r) => f.OpenCase(r, FunctionApp.Durable().Object), "POST", "/api/cases", FunctionAppHost.OperatorKey,
            "{\"accountId\": \"A-1\", \"amountDue\": {\"amount\": \"lots\"}}");

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Contains("amountDue", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAStoredCase_WhenReadWithItsHistory_ThenBothAnswer200WithTheCase()
    {
        var state = await App.SeedCaseAsync(App.Get<VirtualClock>().GetUtcNow());

        var read = await App.InvokeAsync<CaseFunctions>((f, r) => f.GetCase(r, state.CaseId), "GET", $"/api/cases/{state.CaseId}", FunctionAppHost.ViewerKey);
        var history = await App.InvokeAsync<CaseFunctions>((f, r) => f.GetCaseHistory(r, state.CaseId), "GET", $"/api/cases/{state.CaseId}/history", FunctionAppHost.ViewerKey);

        Assert.True(read.Status == 200, read.ToString());
        Assert.Equal(state.CaseId, read.Json.GetProperty("caseId").GetString());
        Assert.Equal("Active", read.Json.GetProperty("status").GetString());
        Assert.True(history.Status == 200, history.ToString());
        Assert.Equal("CaseOpened", history.Json[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task GivenAStoredCase_WhenListedByStatus_ThenThePageHoldsIt()
    {
        var state = await App.SeedCaseAsync(App.Get<VirtualClock>().GetUtcNow());

        var page = await App.InvokeAsync<CaseFunctions>((f, r) => f.ListCases(r), "GET", "/api/cases?status=Active&pageSize=1000", FunctionAppHost.ViewerKey);

        Assert.True(page.Status == 200, page.ToString());
        Assert.Contains(page.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("caseId").GetString() == state.CaseId);
    }

    [Fact]
    public async Task GivenAPageSizeThatIsNotANumber_WhenListed_ThenA400NamesTheField()
    {
        var page = await App.InvokeAsync<CaseFunctions>((f, r) => f.ListCases(r), "GET", "/api/cases?pageSize=many", FunctionAppHost.ViewerKey);

        Assert.True(page.Status == 400, page.ToString());
        Assert.True(page.Json.GetProperty("errors").TryGetProperty("pageSize", out _), page.Body);
    }

    [Fact]
    public async Task GivenAnUnknownCase_WhenRead_ThenA404ProblemSaysWhereCaseIdsComeFrom()
    {
        var answer = await App.InvokeAsync<CaseFunctions>((f, r) => f.GetCase(r, "cnothere"), "GET", "/api/cases/cnothere", FunctionAppHost.ViewerKey);

        Assert.True(answer.Status == 404, answer.ToString());
        Assert.Equal("Case not found.", answer.Json.GetProperty("title").GetString());
        Assert.Contains("POST /api/cases", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static JsonObject Request(string account) => new()
    {
        ["accountId"] = account,
        ["invoiceId"] = "INV-FN-1",
        ["debtor"] = new JsonObject
        {
            ["name"] = "Li Wei", ["phone"] = "+8613800138000", ["email"] = "li.wei@example.com",
            ["timeZone"] = "Asia/Shanghai", ["locale"] = "zh-CN", ["address"] = "88 Century Ave, Pudong, Shanghai",
        },
        ["amountDue"] = new JsonObject { ["amount"] = 8000m, ["currency"] = "CNY" },
        ["dueDate"] = "2027-03-01",
        ["policy"] = "default",
    };
}
