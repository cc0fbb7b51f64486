using System.Text;
using System.Text.Json;
using Dunning.Channels.Hosting;
using Dunning.Domain;
using Dunning.Workflow;
using Dunning.Workflow.Tests;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace Dunning.Functions.Tests;

/// <summary>The Function App's own host on the shared Azurite (its own storage prefix), with what the Functions host would
/// hand each invocation played by test doubles: an <see cref="HttpRequest"/> built here, and a <c>Mock&lt;DurableTaskClient&gt;</c>
/// as the <c>[DurableClient]</c> binding, which records what the trigger asked of the engine. The storage is real.</summary>
public sealed class FunctionApp : IDisposable
{
    private FunctionApp(IHost host, string prefix)
    {
        Host = host;
        Prefix = prefix;
    }

    public IHost Host { get; }

    public string Prefix { get; }

    public IServiceProvider Services => Host.Services;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Builds the app and creates its storage, as its hosted start-up services would on Azure.</summary>
    public static async Task<FunctionApp> StartAsync(AzuriteFixture azurite, IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var prefix = azurite.UniqueName("fn");
        var host = FunctionAppHost.Build(azurite.ConnectionString, prefix, settings, services);
        // What CaseTablesInitializer and ChannelStorageInitializer do when the worker starts (starting it here would look
        // for the Functions host's gRPC endpoint).
        await host.Services.GetRequiredService<CaseTables>().EnsureCreatedAsync();
        await host.Services.GetRequiredService<ChannelStorage>().EnsureCreatedAsync();

        return new FunctionApp(host, prefix);
    }

    /// <summary>A Durable client double whose workflows are running (a ring is an event) unless told otherwise.</summary>
    public static Mock<DurableTaskClient> Durable(OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Running)
    {
        var client = new Mock<DurableTaskClient>("test");
        client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns<string, bool, CancellationToken>((id, _, _) => Task.FromResult<OrchestrationMetadata?>(new OrchestrationMetadata(CaseWorkflow.Orchestrator, id) { RuntimeStatus = status }));
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns<TaskName, object?, StartOrchestrationOptions?, CancellationToken>((_, _, options, _) => Task.FromResult(options?.InstanceId ?? "new"));
        client.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        return client;
    }

    /// <summary>Calls one HTTP trigger of <typeparamref name="TFunctions"/> (created per invocation from the invocation's
    /// services, as the worker does) with a request built from the arguments, and carries out the result it returns.</summary>
    public async Task<Answer> InvokeAsync<TFunctions>(
        Func<TFunctions, HttpRequest, Task<IResult>> trigger, string method, string path, string? apiKey = null, string? body = null,
        string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null) where TFunctions : class
    {
        using var scope = Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var question = path.IndexOf('?', StringComparison.Ordinal);
        http.Request.Method = method;
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("dunning.example.net");
        http.Request.Path = question < 0 ? path : path[..question];
        http.Request.QueryString = question < 0 ? QueryString.Empty : new QueryString(path[question..]);
        if (apiKey is not null)
        {
            http.Request.Headers["X-Api-Key"] = apiKey;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            http.Request.Headers[name] = value;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
            http.Request.ContentType = contentType;
        }

        var response = new MemoryStream();
        http.Response.Body = response;
        var functions = ActivatorUtilities.CreateInstance<TFunctions>(scope.ServiceProvider);

        var result = await trigger(functions, http.Request);
        await result.ExecuteAsync(http);

        return new Answer(http.Response.StatusCode, http.Response.Headers, Encoding.UTF8.GetString(response.ToArray()));
    }

    /// <summary>Opens a case as its workflow's first commit would (the real decider, the real store), with its index row.</summary>
    public async Task<CaseState> SeedCaseAsync(DateTimeOffset now, string? accountId = null)
    {
        var open = Cases.Open(accountId ?? Cases.NewAccount(), now, due: Cases.DueIn(now, 10));
        var policy = Get<PolicyCatalog>().Find(open.PolicyId, open.PolicyVersion)!;
        var events = CaseDecider.Decide(null, open, policy);
        var state = events.Aggregate((CaseState?)null, CaseEvolution.Evolve)!;
        var result = await Get<CaseStore>().CommitAsync(new CommitRequest(state.CaseId, 0, null, null, state, events, 0, null, false, [], now));
        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        await Get<ReadModelStore>().ApplyAsync(Projections.For(null, state, events, null, policy, now));
        return state;
    }

    public void Dispose() => Host.Dispose();
}

/// <summary>What a trigger answered.</summary>
public sealed record Answer(int Status, IHeaderDictionary Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Location => Headers.Location.ToString() is { Length: > 0 } location ? location : null;

    public override string ToString() => $"{Status} {Body}";
}
