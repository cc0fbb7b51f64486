using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Domain;
using Dunning.Workflow;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>A host on a fast virtual clock: a virtual day per real second, from 2026-11-16 10:00 Shanghai. The whole
/// ladder (D-3 to D+30) takes about half a minute, which leaves a busy machine room for the scenario's own steps.</summary>
public sealed class FastClockHost : ApiHost
{
    protected override double ClockSpeed => 86_400;
}

/// <summary>One case end to end through the HTTP API only: import, reminders, a partial payment, pause, resume,
/// escalation, payment in full, closed, all checked through GET /history.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FastClockScenarioTests(AzuriteFixture azurite, FastClockHost host) : IClassFixture<FastClockHost>
{
    private readonly ApiHost _api = host.Use(azurite);

    [Fact]
    public async Task GivenAnImportedAccount_WhenRemindedPaidInPartPausedResumedEscalatedAndPaidInFull_ThenTheHistoryTellsItInOrder()
    {
        var account = CaseRequests.NewAccount();
        var caseId = CaseIds.For(account, "INV-2026-0042");
        var cases = $"/api/cases/{caseId}";
        // Due ten local days from the virtual now (the clock has run since the host started), so the pre-due reminder
        // (D-3 at 09:00) lies at least six virtual days, six real seconds, ahead: time for the import on a loaded
        // machine. With four days it lay as little as half a second ahead, and a slow import skipped it.
        var today = LocalCalendar.DateOf(_api.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var due = today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = $"{CaseRequests.CsvHeader}\n{account},INV-2026-0042,Li Wei,+8613800138000,li.wei@example.com,Asia/Shanghai,zh-CN,12000.00,CNY,{due},default\n";

        // Import.
        using var imported = await _api.Operator.PostRawAsync("/api/campaigns", csv, "text/csv");
        Assert.Equal(HttpStatusCode.Accepted, imported.StatusCode);
        await _api.Viewer.WaitForAsync(imported.Headers.Location!.ToString(), p => p.GetProperty("done").GetBoolean() && p.GetProperty("opened").GetInt32() == 1);

        // Reminders before and on the due date.
        await _api.Viewer.WaitForAsync($"{cases}/history", h => Reached(h, "due-day-reminder"), 30);

        // A partial payment lowers what is owed and keeps the case going.
        using var partial = await PaymentWebhook.PostAsync(_api.Anonymous, PaymentWebhook.Body("PAY-E2E-1-" + account, caseId, 2000m));
        Assert.Equal(HttpStatusCode.Accepted, partial.StatusCode);
        await _api.Viewer.WaitForAsync(cases, c => c.GetProperty("outstanding").GetProperty("amount").GetDecimal() == 10000m);

        // Paused until further notice: the case keeps no timer, so nothing can run until a person resumes it.
        await ActAsync(caseId, "pause", "debtor asked for time");
        var paused = await _api.Viewer.WaitForAsync(cases, c => c.Str("status") == "Paused");
        Assert.Equal(JsonValueKind.Null, paused.GetProperty("nextAction").ValueKind);
        Assert.Null((await _api.Get<CaseStore>().GetAsync(caseId))!.State.Timer);

        // Resumed, then escalated by hand.
        await ActAsync(caseId, "resume", "no payment arrived");
        await _api.Viewer.WaitForAsync(cases, c => c.Str("status") == "Active");
        await ActAsync(caseId, "escalate", "debtor stopped answering");
        await _api.Viewer.WaitForAsync($"{cases}/history", h => h.HasEvent("CaseEscalated"));

        // Paid in full: closed, and nothing more happens.
        using var full = await PaymentWebhook.PostAsync(_api.Anonymous, PaymentWebhook.Body("PAY-E2E-2-" + account, caseId, 10000m));
        Assert.Equal(HttpStatusCode.Accepted, full.StatusCode);
        var closed = await _api.Viewer.WaitForAsync(cases, c => c.Str("status") == "Closed");
        Assert.Equal("PaidInFull", closed.Str("closedReason"));
        // Nothing more can happen once the case's workflow has ended with nothing left to do.
        // Completed, or completed and already purged from the task hub (absent).
        await Wait.UntilAsync(async () => await _api.Get<CaseWorkflowClient>().DescribeAsync(caseId) is null or { IsCompleted: true },
            TimeSpan.FromSeconds(30), "the case's workflow to end");

        var history = (await _api.Viewer.GetJsonAsync($"{cases}/history")).Items().ToList();
        int At(Func<JsonElement, bool> match) => history.FindIndex(h => match(h));
        int First(string type) => At(h => h.Str("type") == type);
        var opened = First("CaseOpened");
        var preDue = At(h => h.Str("type") == "StepReached" && h.GetProperty("data").Str("step") == "pre-due-reminder");
        var dueDay = At(h => h.Str("type") == "StepReached" && h.GetProperty("data").Str("step") == "due-day-reminder");
        var sms = First("SmsSent");
        var payment1 = First("PaymentApplied");
        var pause = First("CasePaused");
        var resume = First("CaseResumed");
        var escalated = First("CaseEscalated");
        var payment2 = history.FindLastIndex(h => h.Str("type") == "PaymentApplied");
        var closedAt = First("CaseClosed");
        int[] order = [opened, preDue, dueDay, payment1, pause, resume, escalated, payment2, closedAt];
        Assert.All(order, i => Assert.True(i >= 0, string.Join(", ", history.Select(h => h.Str("type")))));
        Assert.Equal(order.Order(), order);
        Assert.InRange(sms, preDue + 1, dueDay);
        Assert.NotEqual(payment1, payment2);

        Assert.Equal(account, history[opened].GetProperty("data").Str("accountId"));
        Assert.Equal("test-operator", history[opened].Str("actor"));
        Assert.Equal("test-supervisor", history[pause].Str("actor"));
        Assert.Equal("debtor asked for time", history[pause].Str("reason"));
        Assert.Equal("test-supervisor", history[escalated].Str("actor"));
        Assert.Equal(2000m, history[payment1].GetProperty("data").GetProperty("amount").GetProperty("amount").GetDecimal());
        Assert.Equal("PaidInFull", history[closedAt].GetProperty("data").Str("closedReason"));
        Assert.DoesNotContain(history.Skip(pause + 1).Take(resume - pause - 1), IsLadderOrContact);
        Assert.DoesNotContain(history.Skip(closedAt + 1), IsLadderOrContact);
        Assert.Equal(history.Count, history.Select(h => h.GetProperty("seq").GetInt64()).Distinct().Count());
    }

    private static bool Reached(JsonElement history, string step) =>
        history.Items().Any(h => h.Str("type") == "StepReached" && h.GetProperty("data").Str("step") == step);

    private static bool IsLadderOrContact(JsonElement h) =>
        h.Str("type") is "StepReached" or "SmsSent" or "EmailSent" or "CallTaskCreated" or "VisitScheduled" or "NoticeIssued";

    private async Task ActAsync(string caseId, string action, string reason)
    {
        using var response = await _api.Supervisor.PostJsonAsync($"/api/cases/{caseId}/{action}", new JsonObject { ["reason"] = reason });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
