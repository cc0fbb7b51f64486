using System.Text.Json.Nodes;

namespace Dunning.Infra.Tests.Infrastructure;

/// <summary>A Bicep module in the compiled template: the nested deployment (its arguments, condition and
/// dependencies) and the template it deploys.</summary>
internal sealed class ArmModule(JsonObject deployment)
{
    public ArmTemplate Template { get; } = new(deployment["properties"]!["template"]!.AsObject());

    /// <summary>The value main.bicep passes for one of the module's parameters.</summary>
    public JsonNode? Argument(string parameter) => deployment["properties"]?["parameters"]?[parameter]?["value"];

    public string ArgumentText(string parameter) =>
        Argument(parameter)?.ToString() ?? throw new KeyNotFoundException($"The module gets no {parameter}.");

    public string? Condition => (string?)deployment["condition"];

    public IReadOnlyList<string> DependsOn =>
        (deployment["dependsOn"] as JsonArray)?.Select(d => d!.ToString()).ToList() ?? [];

    public string Name => deployment["name"]!.ToString();
}
