using Dunning.Infra.Tests.Infrastructure;

namespace Dunning.Infra.Tests;

/// <summary>The app's one identity holds the data-plane roles it works with, on the resources it works with.</summary>
public sealed class RoleAssignmentTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string CommunicationAndEmailServiceOwner = "09976791-48a7-449e-bb21-39d1a415f350";

    private static IReadOnlyList<RoleAssignment> AppIdentityRoles =>
        RoleAssignment.In(CompiledMain.Template).Where(a => a.IsForTheAppIdentity).ToList();

    [Theory]
    [InlineData(StorageBlobDataOwner, "Microsoft.Storage/storageAccounts")]
    [InlineData(StorageQueueDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(StorageTableDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(KeyVaultSecretsUser, "Microsoft.KeyVault/vaults")]
    [InlineData(MonitoringMetricsPublisher, "Microsoft.Insights/components")]
    [InlineData(CommunicationAndEmailServiceOwner, "Microsoft.Communication/communicationServices")]
    public void Identity_HoldsTheRoleOnTheResourceItUses(string roleDefinitionId, string scopeType)
    {
        var grants = AppIdentityRoles.Where(a => a.RoleDefinitionIds.Contains(roleDefinitionId)).ToList();

        Assert.True(grants.Count == 1, $"Expected the app identity to hold {roleDefinitionId} once, found {grants.Count}.");
        Assert.StartsWith($"[resourceId('{scopeType}', ", grants[0].Scope, StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", grants[0].Resource["properties"]!["principalType"]?.ToString());
    }

    [Fact]
    public void Identity_HoldsNoRoleBeyondThoseItNeeds()
    {
        string[] needed =
        [
            StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor,
            KeyVaultSecretsUser, MonitoringMetricsPublisher, CommunicationAndEmailServiceOwner,
        ];

        Assert.Equal(needed.Order(StringComparer.Ordinal), AppIdentityRoles.SelectMany(a => a.RoleDefinitionIds).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppModule_DeploysAfterEveryRoleAssignment()
    {
        var app = FunctionAppModule.Compiled.Module;
        var modulesWithRoles = AppIdentityRoles.Select(a => a.Module.Name).Distinct().ToList();

        foreach (var module in modulesWithRoles)
        {
            // A module's name is "[format('{0}-storage', parameters('name'))]"; app depends on resourceId('...deployments', format(...)).
            var name = module[1..^1];
            Assert.Contains(app.DependsOn, d => d.Contains(name, StringComparison.Ordinal));
        }

        Assert.Equal(4, modulesWithRoles.Count);
    }
}
