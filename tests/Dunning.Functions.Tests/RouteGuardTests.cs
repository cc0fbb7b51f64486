using System.Reflection;
using Dunning.Endpoints.Auth;
using Dunning.Endpoints.Routing;
using Dunning.Workflow.Tests;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dunning.Functions.Tests;

/// <summary>Every HTTP trigger guards its route as the local host does: no key is a 401 problem with the challenge, a key
/// of a role that may not is a 403 problem, and an open route (signed webhooks, probes, the console) never asks for a
/// key. Each trigger is called as the worker would, through its method.</summary>
public sealed class RouteGuardTests(AzuriteFixture azurite) : FunctionAppTest(azurite)
{
    public static TheoryData<string> KeyedRoutes => [.. ApiRoutes.All.Where(r => r.Role is not null).Select(r => r.Name)];

    public static TheoryData<string> OpenRoutes => [.. ApiRoutes.All.Where(r => r.Role is null).Select(r => r.Name)];

    public static TheoryData<string> RoutesAViewerMayNotUse => [.. ApiRoutes.All.Where(r => r.Role is Roles.Operator or Roles.Supervisor).Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(KeyedRoutes))]
    public async Task GivenNoKey_WhenAKeyedTriggerIsCalled_ThenA401ProblemWithTheChallenge(string name)
    {
        var answer = await CallAsync(name, apiKey: null);

        Assert.True(answer.Status == 401, $"{name}: {answer}");
        Assert.StartsWith("application/problem+json", answer.Headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.Equal("ApiKey header=\"X-Api-Key\"", answer.Headers.WWWAuthenticate.ToString());
        Assert.Contains("X-Api-Key", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RoutesAViewerMayNotUse))]
    public async Task GivenAViewersKey_WhenAnOperatorOrSupervisorTriggerIsCalled_ThenA403Problem(string name)
    {
        var answer = await CallAsync(name, FunctionAppHost.ViewerKey);

        Assert.True(answer.Status == 403, $"{name}: {answer}");
        Assert.Contains("role", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OpenRoutes))]
    public async Task GivenNoKey_WhenAnOpenTriggerIsCalled_ThenItIsNotRefusedForWantOfOne(string name)
    {
        var answer = await CallAsync(name, apiKey: null);

        Assert.True(answer.Status is not (401 or 403) || answer.Body.Contains("webhook", StringComparison.OrdinalIgnoreCase), $"{name}: {answer}");
        Assert.False(answer.Headers.ContainsKey("WWW-Authenticate"), $"{name} challenged for a key");
    }

    [Fact]
    public async Task GivenAnUnknownKey_WhenAKeyedTriggerIsCalled_ThenA401()
    {
        var answer = await CallAsync(nameof(ApiRoutes.GetMetrics), "not-a-key-anyone-holds");

        Assert.True(answer.Status == 401, answer.ToString());
    }

    /// <summary>Calls the trigger named <paramref name="name"/> through its method: the request, a Durable client double,
    /// and a made-up value for each route parameter; GET for reads, an empty JSON object for writes.</summary>
    private Task<Answer> CallAsync(string name, string? apiKey)
    {
        var route = ApiRoutes.All.Single(r => r.Name == name);
        var method = typeof(FunctionAppComposition).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == name);
        var durable = FunctionApp.Durable().Object;
        var path = "/" + route.Template.Replace("{*path}", "app.css", StringComparison.Ordinal).Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
        return (Task<Answer>)typeof(FunctionApp).GetMethod(nameof(FunctionApp.InvokeAsync))!.MakeGenericMethod(method.DeclaringType!)
            .Invoke(App, [Trigger(method, durable), route.Method, path, apiKey, route.Method == "POST" ? "{}" : null, "application/json", null])!;
    }

    private static Delegate Trigger(MethodInfo method, DurableTaskClient durable)
    {
        var call = typeof(RouteGuardTests).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(method.DeclaringType!);
        return (Delegate)call.Invoke(null, [method, durable])!;
    }

    private static Func<T, HttpRequest, Task<IResult>> Bind<T>(MethodInfo method, DurableTaskClient durable) => (functions, request) =>
        (Task<IResult>)method.Invoke(functions, method.GetParameters().Select(object? (p) => p.ParameterType switch
        {
            var t when t == typeof(HttpRequest) => request,
            var t when t == typeof(DurableTaskClient) => durable,
            var t when t == typeof(string) => p.Name == "path" ? "app.css" : "unknown1",
            _ => throw new InvalidOperationException($"{method.Name} takes a {p.ParameterType.Name} the test cannot give"),
        }).ToArray())!;
}
