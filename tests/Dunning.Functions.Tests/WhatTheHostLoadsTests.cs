using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Endpoints.Routing;
using Dunning.Workflow;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Functions.Tests;

/// <summary>What the Functions host loads from the build: functions.metadata (every [Function] with its trigger and
/// bindings), the list the worker answers the host's indexing request with (that file plus what the Durable extension adds:
/// the orchestration trigger and each activity, registered as classes), extensions.json and host.json. The Functions host
/// cannot run here, so this is where a missing route, trigger or binding shows.</summary>
public sealed class WhatTheHostLoadsTests
{
    private static readonly string Output = FunctionAppOutputAttribute.Path;

    [Fact]
    public void GivenTheRouteTable_WhenTheBuildsMetadataIsRead_ThenEveryRouteHasItsHttpTriggerWithTheSameMethodAndTemplate()
    {
        var http = Functions().Where(f => Trigger(f)["type"]!.GetValue<string>() == "httpTrigger")
            .ToDictionary(f => f["name"]!.GetValue<string>(), StringComparer.Ordinal);

        foreach (var route in ApiRoutes.All)
        {
            Assert.True(http.TryGetValue(route.Name, out var function), $"the Function App has no trigger for {route.Method} /{route.Template} ({route.Name})");
            var trigger = Trigger(function);
            Assert.Equal(route.Template, trigger["route"]!.GetValue<string>());
            Assert.Equal([route.Method.ToLowerInvariant()], trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
            // The route's role is checked by the shared binding, never left to function keys (Event Grid and the payment
            // provider cannot send one; API keys and bearer tokens are the contract's).
            Assert.Equal("Anonymous", trigger["authLevel"]!.GetValue<string>());
        }

        Assert.Empty(http.Keys.Except(ApiRoutes.All.Select(r => r.Name)));
    }

    [Theory]
    [InlineData(nameof(PeriodicFunctions.SweepCommands), PeriodicFunctions.SweepSchedule)]
    [InlineData(nameof(PeriodicFunctions.PurgeEndedWorkflows), PeriodicFunctions.PurgeSchedule)]
    [InlineData(nameof(PeriodicFunctions.StartCampaigns), PeriodicFunctions.CampaignSchedule)]
    [InlineData(nameof(PeriodicFunctions.MonitorVisitReports), PeriodicFunctions.VisitSchedule)]
    public void GivenThePeriodicWork_WhenTheBuildsMetadataIsRead_ThenEachIsATimerWithADurableClient(string name, string schedule)
    {
        var function = Functions().Single(f => f["name"]!.GetValue<string>() == name);

        Assert.Equal("timerTrigger", Trigger(function)["type"]!.GetValue<string>());
        Assert.Equal(schedule, Trigger(function)["schedule"]!.GetValue<string>());
        Assert.Contains(Bindings(function), b => b["type"]!.GetValue<string>() == "durableClient");
    }

    [Theory]
    [InlineData(nameof(ApiRoutes.OpenCase))]
    [InlineData(nameof(ApiRoutes.PauseCase))]
    [InlineData(nameof(ApiRoutes.ReceivePayment))]
    [InlineData(nameof(ApiRoutes.ReportVisitOutcome))]
    [InlineData(nameof(ApiRoutes.ReportCallOutcome))]
    [InlineData(nameof(ApiRoutes.AcsEventGridWebhook))]
    public void GivenATriggerThatStartsOrRingsAWorkflow_WhenTheBuildsMetadataIsRead_ThenItBindsADurableClient(string name)
    {
        var function = Functions().Single(f => f["name"]!.GetValue<string>() == name);

        Assert.Contains(Bindings(function), b => b["type"]!.GetValue<string>() == "durableClient");
    }

    [Fact]
    public async Task GivenTheBuild_WhenTheWorkerAnswersTheHostsIndexingRequest_ThenTheOrchestratorAndEveryActivityAreDeclared()
    {
        using var host = FunctionAppHost.Build();
        var manager = host.Services.GetRequiredService<IFunctionMetadataManager>();

        var indexed = await manager.GetFunctionMetadataAsync(Output);

        var triggers = indexed.ToDictionary(f => f.Name!, f => JsonNode.Parse(f.RawBindings!.First())!["type"]!.GetValue<string>(), StringComparer.Ordinal);
        Assert.Equal("orchestrationTrigger", triggers[CaseWorkflow.Orchestrator]);
        foreach (var activity in CompositionTests.WorkflowActivities)
        {
            Assert.True(triggers.TryGetValue(activity, out var type), $"activity {activity} is not declared to the host");
            Assert.Equal("activityTrigger", type);
        }

        // And everything functions.metadata declares, once.
        Assert.Empty(Functions().Select(f => f["name"]!.GetValue<string>()).Except(triggers.Keys));
        Assert.Equal(indexed.Length, triggers.Count);
    }

    [Fact]
    public void GivenTheBuild_WhenExtensionsJsonIsRead_ThenItLoadsTheDurableTaskExtension()
    {
        var extensions = JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "extensions.json")))!["extensions"]!.AsArray();

        var durable = Assert.Single(extensions, e => e!["name"]!.GetValue<string>() == "DurableTask")!;
        Assert.Contains("Microsoft.Azure.WebJobs.Extensions.DurableTask", durable["typeName"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Output, durable["hintPath"]!.GetValue<string>())), "the extension's assembly is not in .azurefunctions");
    }

    [Fact]
    public void GivenTheBuild_WhenHostJsonIsRead_ThenTheDurableExtensionIsSetAsTheLocalEngineRunsIt()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "host.json")), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;

        // Routes are the contract's own paths (/api/cases, /healthz, /console): no prefix of the host's.
        Assert.Equal("", hostJson["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        var durable = hostJson["extensions"]!["durableTask"]!;
        Assert.Equal("%DurableTaskHubName%", durable["hubName"]!.GetValue<string>());
        var storage = durable["storageProvider"]!;
        Assert.InRange(storage["partitionCount"]!.GetValue<int>(), 1, 16);
        Assert.True(TimeSpan.Parse(storage["maxQueuePollingInterval"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromSeconds(10));
        Assert.NotNull(storage["controlQueueVisibilityTimeout"]);
        Assert.NotNull(storage["workItemQueueVisibilityTimeout"]);
        Assert.True(durable["maxConcurrentOrchestratorFunctions"]!.GetValue<int>() > 0);
        Assert.True(durable["maxConcurrentActivityFunctions"]!.GetValue<int>() > 0);
        Assert.NotNull(durable["extendedSessionsEnabled"]);
        Assert.True(durable["maxGrpcMessageSizeInBytes"]!.GetValue<long>() >= 4 * 1024 * 1024);
    }

    private static IEnumerable<JsonObject> Functions() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")))!.AsArray().Select(f => f!.AsObject());

    private static IEnumerable<JsonObject> Bindings(JsonObject function) => function["bindings"]!.AsArray().Select(b => b!.AsObject());

    private static JsonObject Trigger(JsonObject function) =>
        Bindings(function).Single(b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal));
}
