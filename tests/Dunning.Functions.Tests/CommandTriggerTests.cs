using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dunning.Domain;
using Dunning.Workflow;
using Dunning.Workflow.Tests;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace Dunning.Functions.Tests;

/// <summary>Triggers that bring a command to a case: each records it in the case's command log first, then rings the
/// workflow with the invocation's Durable client (a doorbell for a running workflow, a start for an ended one), and
/// answers 202; a refused request records nothing.</summary>
public sealed class CommandTriggerTests(AzuriteFixture azurite) : FunctionAppTest(azurite)
{
    [Fact]
    public async Task GivenARunningCase_WhenASupervisorPausesIt_ThenThePauseIsRecordedAndItsWorkflowIsRungWithTheCommand()
    {
        var state = await App.SeedCaseAsync(App.Get<VirtualClock>().GetUtcNow());
        var durable = FunctionApp.Durable(OrchestrationRuntimeStatus.Running);

        var answer = await App.InvokeAsync<SupervisorActionFunctions>((f, r) => f.Pause(r, state.CaseId, durable.Object), "POST",
            $"/api/cases/{state.CaseId}/pause", FunctionAppHost.SupervisorKey, """{ "reason": "the debtor is in hospital" }""",
            headers: new Dictionary<string, string> { ["Idempotency-Key"] = "pause-1" });

        Assert.True(answer.Status == 202, answer.ToString());
        Assert.Equal($"/api/cases/{state.CaseId}", answer.Location);
        var commandId = answer.Json.GetProperty("messageId").GetString();
        var recorded = Assert.Single(await App.Get<CommandLog>().ReadUnappliedAsync(state.CaseId));
        Assert.Equal(commandId, recorded.Id);
        var pause = Assert.IsType<PauseCase>(recorded.Command);
        Assert.Equal(("the debtor is in hospital", "fn-supervisor"), (pause.Reason, pause.By.Name));
        durable.Verify(c => c.RaiseEventAsync(state.CaseId, Doorbell.EventName, It.Is<object?>(e => ((Doorbell)e!).CommandId == commandId), It.IsAny<CancellationToken>()), Times.Once);
        durable.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task GivenACaseWhoseWorkflowEnded_WhenAPaymentArrives_ThenItIsRecordedAndTheWorkflowIsStartedAgainUnderTheCaseId()
    {
        var state = await App.SeedCaseAsync(App.Get<VirtualClock>().GetUtcNow());
        var durable = FunctionApp.Durable(OrchestrationRuntimeStatus.Completed);
        var paymentId = "PAY-FN-" + Guid.NewGuid().ToString("N")[..8];
        var body = new JsonObject
        {
            ["paymentId"] = paymentId, ["caseId"] = state.CaseId,
            ["amount"] = new JsonObject { ["amount"] = 500m, ["currency"] = "CNY" }, ["receivedAt"] = "2026-11-21T10:00:00+08:00",
        }.ToJsonString();

        var answer = await App.InvokeAsync<PaymentFunctions>((f, r) => f.ReceivePayment(r, durable.Object), "POST", "/api/webhooks/payments",
            body: body, headers: Signed(body));

        Assert.True(answer.Status == 202, answer.ToString());
        Assert.Equal("queued", answer.Json.GetProperty("outcome").GetString());
        var recorded = Assert.Single(await App.Get<CommandLog>().ReadUnappliedAsync(state.CaseId));
        Assert.Equal($"pay-{paymentId}", recorded.Id);
        Assert.Equal(new Money(500m, "CNY"), Assert.IsType<ReceivePayment>(recorded.Command).Amount);
        durable.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.Is<TaskName>(n => n.Name == CaseWorkflow.Orchestrator),
            It.Is<object?>(input => ((CaseRun)input!).CaseId == state.CaseId && ((CaseRun)input!).Open == null),
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == state.CaseId), It.IsAny<CancellationToken>()), Times.Once);
        durable.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task GivenAPaymentSignedWithAnotherSecret_WhenItArrives_ThenA401AndNothingIsRecordedOrRung()
    {
        var state = await App.SeedCaseAsync(App.Get<VirtualClock>().GetUtcNow());
        var durable = FunctionApp.Durable();
        var body = new JsonObject
        {
            ["paymentId"] = "PAY-FORGED", ["caseId"] = state.CaseId, ["amount"] = new JsonObject { ["amount"] = 12000m, ["currency"] = "CNY" },
        }.ToJsonString();

        var answer = await App.InvokeAsync<PaymentFunctions>((f, r) => f.ReceivePayment(r, durable.Object), "POST", "/api/webhooks/payments",
            body: body, headers: Signed(body, "not-the-secret"));

        Assert.True(answer.Status == 401, answer.ToString());
        Assert.Equal("The webhook signature is not valid.", answer.Json.GetProperty("title").GetString());
        Assert.Empty(await App.Get<CommandLog>().ReadUnappliedAsync(state.CaseId));
        durable.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task GivenAnActionWithoutAReason_WhenPosted_ThenA400NamesTheReasonAndNothingIsRecorded()
    {
        var state = await App.SeedCaseAsync(App.Get<VirtualClock>().GetUtcNow());
        var durable = FunctionApp.Durable();

        var answer = await App.InvokeAsync<SupervisorActionFunctions>((f, r) => f.Escalate(r, state.CaseId, durable.Object), "POST",
            $"/api/cases/{state.CaseId}/escalate", FunctionAppHost.SupervisorKey, """{ "toStep": "no-such-step" }""");

        Assert.True(answer.Status == 400, answer.ToString());
        var errors = answer.Json.GetProperty("errors");
        Assert.True(errors.TryGetProperty("reason", out _), answer.Body);
        Assert.True(errors.TryGetProperty("toStep", out _), answer.Body);
        Assert.Empty(await App.Get<CommandLog>().ReadUnappliedAsync(state.CaseId));
        durable.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task GivenAnActionForAnUnknownCase_WhenPosted_ThenA404AndNothingIsRung()
    {
        var durable = FunctionApp.Durable();

        var answer = await App.InvokeAsync<SupervisorActionFunctions>((f, r) => f.Resume(r, "cnosuchcase", durable.Object), "POST",
            "/api/cases/cnosuchcase/resume", FunctionAppHost.SupervisorKey, """{ "reason": "back from hospital" }""");

        Assert.True(answer.Status == 404, answer.ToString());
        durable.VerifyNoOtherCalls();
    }

    private static Dictionary<string, string> Signed(string body, string secret = FunctionAppHost.WebhookSecret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return new Dictionary<string, string>
        {
            ["X-Dunning-Timestamp"] = timestamp,
            ["X-Dunning-Signature"] = "sha256=" + Convert.ToHexString(mac).ToLowerInvariant(),
        };
    }
}
