using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dunning.Workflow;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>A command's trace runs from the HTTP request that brought it to the activity that carried out its effect,
/// through the command log; Dunning's meter counts what was recorded and decided; no span carries personal data.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryTests : IClassFixture<ApiHost>, IDisposable
{
    private readonly ApiHost _api;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, string? Tag)> _measurements = new();
    private readonly ActivityListener _spanListener;
    private readonly MeterListener _meterListener = new();

    public TelemetryTests(AzuriteFixture azurite, ApiHost host)
    {
        _spanListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WorkflowTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_spanListener);
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WorkflowTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue((instrument.Name, value, tags.Length > 0 ? tags[0].Value?.ToString() : null)));
        _meterListener.Start();
        _api = host.Use(azurite);
    }

    [Fact]
    public async Task GivenAnEscalationSentWithATraceParent_WhenItsStepsSmsIsSent_ThenTheRecordTheCommitAndTheSendShareTheRequestsTrace()
    {
        var caseId = await OpenAsync();
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/escalate")
        {
            Content = JsonContent.Create(new JsonObject { ["reason"] = "no answer to three calls" }),
        };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await _api.Supervisor.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await Wait.UntilAsync(() => Task.FromResult(_spans.Any(s => s.TraceId == trace && s.OperationName == "SendSms")), TimeSpan.FromSeconds(30), "the SMS of the escalated step under the request's trace");
        var ours = _spans.Where(s => s.TraceId == trace).ToList();
        Assert.Contains(ours, s => s.OperationName == "RecordCommand" && (string?)s.GetTagItem("dunning.command") == "EscalateCase");
        Assert.Contains(ours, s => s.OperationName == nameof(CommitDecision) && (string?)s.GetTagItem("dunning.commit") == "Committed");
        Assert.All(ours, s => Assert.Equal(caseId, s.GetTagItem("dunning.case_id")));
        // Case ids and kinds only: nothing a debtor could be known by.
        Assert.All(ours.SelectMany(s => s.Tags), tag => Assert.DoesNotContain("13800138000", tag.Value ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivenAnOpenAndAPayment_WhenTheyAreDecided_ThenTheMeterCountsTheOpenTheStepAndTheRecordedCommand()
    {
        var caseId = await OpenAsync();
        using var paid = await PaymentWebhook.PostAsync(_api.Anonymous, PaymentWebhook.Body("PAY-T-" + Guid.NewGuid().ToString("N")[..8], caseId, 100m));
        Assert.Equal(HttpStatusCode.Accepted, paid.StatusCode);

        await Wait.UntilAsync(() => Task.FromResult(_measurements.Any(m => m.Instrument == "dunning.commands.applied")), TimeSpan.FromSeconds(30), "the payment applied");
        Assert.Contains(_measurements, m => m.Instrument == "dunning.cases.opened" && m.Value == 1);
        Assert.Contains(_measurements, m => m.Instrument == "dunning.commands.recorded" && m.Tag == "ReceivePayment");
    }

    private async Task<string> OpenAsync()
    {
        using var opened = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid(dueDate: "2026-11-20"));
        Assert.True(opened.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, await opened.Content.ReadAsStringAsync());
        return (await opened.JsonAsync()).Str("caseId");
    }

    public void Dispose()
    {
        _spanListener.Dispose();
        _meterListener.Dispose();
    }
}
