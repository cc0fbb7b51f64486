using System.Reflection;
using Dunning.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Functions.Tests;

/// <summary>The Function App's composition builds with every registration it needs: a class that declares a function, an
/// activity the workflow calls or the orchestrator, missing from it, fails here instead of on the first request on Azure.</summary>
public sealed class CompositionTests
{
    [Fact]
    public void GivenTheFunctionAppComposition_WhenBuiltWithValidation_ThenEveryFunctionClassResolves()
    {
        using var host = FunctionAppHost.Build();
        using var scope = host.Services.CreateScope();

        var classes = FunctionClasses().ToList();
        Assert.NotEmpty(classes);
        foreach (var type in classes)
        {
            // The worker creates a function's class per invocation from the invocation's services.
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        }
    }

    [Fact]
    public void GivenTheFunctionAppComposition_WhenTheDurableExtensionAsksForTheWorkflowsTasks_ThenEachIsCreatedFromTheInvocationsServices()
    {
        using var host = FunctionAppHost.Build();
        using var scope = host.Services.CreateScope();
        var factory = host.Services.GetRequiredService<IDurableTaskFactory>();

        Assert.True(factory.TryCreateOrchestrator(CaseWorkflow.Orchestrator, scope.ServiceProvider, out var orchestrator));
        Assert.IsType<CaseOrchestrator>(orchestrator);
        foreach (var name in WorkflowActivities)
        {
            Assert.True(factory.TryCreateActivity(name, scope.ServiceProvider, out var activity), $"activity {name} is not registered");
            Assert.NotNull(activity);
        }
    }

    /// <summary>Every activity the case workflow calls.</summary>
    public static IEnumerable<string> WorkflowActivities =>
        new[] { nameof(LoadCase), nameof(ReadCommands), nameof(CommitDecision) }.Concat(CaseWorkflow.EffectActivities);

    public static IEnumerable<Type> FunctionClasses() =>
        typeof(FunctionAppComposition).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null));
}
