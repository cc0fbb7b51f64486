using Dunning.Infra.Tests.Infrastructure;

namespace Dunning.Infra.Tests;

/// <summary>The storage account takes no shared key and declares Dunning's own tables, container and queue.</summary>
public sealed class StorageTests
{
    private static readonly string[] DunningTables =
    [
        "Cases", "CaseIndex", "Payments", "Unmatched", "Campaigns", "PendingCommands", "EndedWorkflows",
        "WorkItems", "PrintMarkers", "Messages", "MessageIds", "MessagePhones", "SendLog",
    ];

    private static ArmTemplate Storage => CompiledMain.Template.ModuleDeclaring("Microsoft.Storage/storageAccounts").Template;

    [Fact]
    public void KeyAuthentication_IsOffOnStorageAndCommunicationServices()
    {
        var main = CompiledMain.Template;
        var account = Storage.Single("Microsoft.Storage/storageAccounts")["properties"]!;
        var communication = main.ModuleDeclaring("Microsoft.Communication/communicationServices").Template
            .Single("Microsoft.Communication/communicationServices")["properties"]!;

        Assert.Equal("False", account["allowSharedKeyAccess"]!.ToString(), ignoreCase: true);
        Assert.Equal("True", account["defaultToOAuthAuthentication"]!.ToString(), ignoreCase: true);
        Assert.Equal("False", account["allowBlobPublicAccess"]!.ToString(), ignoreCase: true);
        Assert.Equal("True", communication["disableLocalAuth"]!.ToString(), ignoreCase: true);
    }

    [Fact]
    public void Storage_DeclaresDunningsTablesContainerAndQueue()
    {
        var tables = Storage.Single("Microsoft.Storage/storageAccounts/tableServices/tables");
        var containers = Storage.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(c => c["name"]!.ToString()).ToList();
        var queue = Storage.Single("Microsoft.Storage/storageAccounts/queueServices/queues");

        Assert.Equal(DunningTables, Storage.Variable("tables")!.AsArray().Select(t => t!.ToString()));
        Assert.Contains("format('{0}{1}', parameters('dataPrefix'), variables('tables')[copyIndex()])", tables["name"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("[length(variables('tables'))]", tables["copy"]!["count"]!.ToString());
        Assert.Contains(containers, c => c.Contains("format('{0}-documents', parameters('dataPrefix'))", StringComparison.Ordinal));
        Assert.Contains("format('{0}-print', parameters('dataPrefix'))", queue["name"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("[variables('dataPrefix')]", CompiledMain.Template.ModuleDeclaring("Microsoft.Storage/storageAccounts").ArgumentText("dataPrefix"));
    }

    [Fact]
    public void Storage_HoldsTheDeploymentContainer()
    {
        var containers = Storage.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(c => c["name"]!.ToString());

        Assert.Contains(containers, c => c.Contains("variables('deploymentContainerName')", StringComparison.Ordinal));
        Assert.Equal("app-package", Storage.Variable("deploymentContainerName")?.ToString());
    }
}
