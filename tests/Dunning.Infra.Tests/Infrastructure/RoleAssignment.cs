using System.Text.Json.Nodes;

namespace Dunning.Infra.Tests.Infrastructure;

/// <summary>A role assignment of the compiled template, with the built-in role definitions it grants resolved (a
/// GUID written inline or held in a variable, one per copy of a loop) and the principal main.bicep gives it.</summary>
internal sealed record RoleAssignment(ArmModule Module, JsonObject Resource, IReadOnlyList<string> RoleDefinitionIds)
{
    public string Scope => Resource["scope"]?.ToString() ?? "";

    /// <summary>What main.bicep passes as the module's principal, when the assignment's principal is that parameter.</summary>
    public string Principal
    {
        get
        {
            var principal = Resource["properties"]!["principalId"]!.ToString();
            var parameter = principal.StartsWith("[parameters('", StringComparison.Ordinal) ? principal[13..^3] : null;
            return parameter is null ? principal : Module.ArgumentText(parameter);
        }
    }

    /// <summary>Whether the principal is the app's user-assigned identity.</summary>
    public bool IsForTheAppIdentity =>
        Principal.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", StringComparison.Ordinal)
        && Principal.EndsWith(".principalId]", StringComparison.Ordinal);

    public static IReadOnlyList<RoleAssignment> In(ArmTemplate main) =>
        main.Modules
            .SelectMany(m => m.Template.ResourcesOfType("Microsoft.Authorization/roleAssignments")
                .Select(r => new RoleAssignment(m, r, Resolve(m.Template, r["properties"]!["roleDefinitionId"]!.ToString()))))
            .ToList();

    private static List<string> Resolve(ArmTemplate template, string roleDefinitionId) =>
        ArmExpression.VariablesNamed(roleDefinitionId)
            .SelectMany(name => template.Variable(name) switch
            {
                JsonArray values => values.Select(v => v!.ToString()),
                JsonNode value => [value.ToString()],
                null => [],
            })
            .SelectMany(ArmExpression.Guids)
            .Concat(ArmExpression.Guids(roleDefinitionId))
            .ToList();
}
