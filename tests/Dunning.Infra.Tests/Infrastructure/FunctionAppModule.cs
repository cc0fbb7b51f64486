using System.Text.Json.Nodes;

namespace Dunning.Infra.Tests.Infrastructure;

/// <summary>The module of the compiled main.bicep that holds the Function App: its hosting plan, its site and its app
/// settings, with each plan-dependent value split into what Flex Consumption and Elastic Premium get.</summary>
internal sealed class FunctionAppModule
{
    private static readonly Lazy<FunctionAppModule> Instance = new(() => new FunctionAppModule(CompiledMain.Template));

    public FunctionAppModule(ArmTemplate main)
    {
        Module = main.ModuleDeclaring("Microsoft.Web/sites");
        Site = Template.Single("Microsoft.Web/sites");
        HostingPlan = Template.Single("Microsoft.Web/serverfarms");
        SettingsResource = Template.ResourcesOfType("Microsoft.Web/sites/config")
            .Single(r => r["name"]!.ToString().Contains("'appsettings'", StringComparison.Ordinal));
        var (flex, premium) = ByPlan(SettingsResource["properties"]);
        FlexSettings = SettingsNamedIn(flex);
        PremiumSettings = SettingsNamedIn(premium);
    }

    public static FunctionAppModule Compiled => Instance.Value;

    public ArmModule Module { get; }

    public ArmTemplate Template => Module.Template;

    public JsonObject Site { get; }

    public JsonObject HostingPlan { get; }

    public JsonObject SettingsResource { get; }

    public IReadOnlyDictionary<string, string> FlexSettings { get; }

    public IReadOnlyDictionary<string, string> PremiumSettings { get; }

    /// <summary>A value written <c>plan == 'FlexConsumption' ? flex : premium</c>, as its two branches.</summary>
    public (string Flex, string Premium) ByPlan(JsonNode? value)
    {
        Assert.Equal("[equals(parameters('plan'), 'FlexConsumption')]", Template.Variable("isFlex")?.ToString());
        var (condition, flex, premium) = ArmExpression.If(value?.ToString());
        Assert.Equal("variables('isFlex')", condition);
        return (flex, premium);
    }

    // A branch such as union(variables('settings'), variables('premiumSettings')): the named objects, merged in order.
    private Dictionary<string, string> SettingsNamedIn(string branch)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = ArmExpression.VariablesNamed(branch);
        Assert.True(names.Count > 0, $"Expected the app settings to be named variables, found: {branch}");
        foreach (var name in names)
        {
            var values = Template.Variable(name) as JsonObject ?? throw new InvalidOperationException($"Variable {name} is not an object.");
            foreach (var (key, value) in values)
            {
                settings[key] = value?.ToString() ?? "";
            }
        }

        return settings;
    }
}
