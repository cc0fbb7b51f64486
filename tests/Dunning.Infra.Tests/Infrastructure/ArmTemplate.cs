using System.Text.Json.Nodes;

namespace Dunning.Infra.Tests.Infrastructure;

/// <summary>An ARM template as Bicep writes it. Each Bicep module becomes a nested deployment carrying its template
/// inline, so a module's resources, variables and parameters are read the same way as the main template's.</summary>
internal sealed class ArmTemplate(JsonObject json)
{
    public JsonObject Json => json;

    /// <summary>Resources, whether written as an array or (symbolic names) as an object.</summary>
    public IEnumerable<JsonObject> Resources => json["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    public IEnumerable<JsonObject> ResourcesOfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type)
    {
        var matches = ResourcesOfType(type).ToList();
        Assert.True(matches.Count == 1, $"Expected one {type} in the template, found {matches.Count}.");
        return matches[0];
    }

    public IEnumerable<ArmModule> Modules => ResourcesOfType("Microsoft.Resources/deployments").Select(d => new ArmModule(d));

    /// <summary>This template and every module below it.</summary>
    public IEnumerable<ArmTemplate> SelfAndNested => Modules.SelectMany(m => m.Template.SelfAndNested).Prepend(this);

    /// <summary>The (one) module that declares a resource of this type.</summary>
    public ArmModule ModuleDeclaring(string type)
    {
        var modules = Modules.Where(m => m.Template.ResourcesOfType(type).Any()).ToList();
        Assert.True(modules.Count == 1, $"Expected one module declaring {type}, found {modules.Count}.");
        return modules[0];
    }

    public JsonObject Parameter(string name) =>
        json["parameters"]?[name] as JsonObject ?? throw new KeyNotFoundException($"No parameter {name}.");

    public JsonNode? Variable(string name) => json["variables"]?[name];

    public JsonObject Outputs => json["outputs"] as JsonObject ?? [];
}
