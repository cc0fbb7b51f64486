using Dunning.Infra.Tests.Infrastructure;

namespace Dunning.Infra.Tests;

/// <summary>The app settings carry the names the app reads, reach everything through the identity, and hold no key.</summary>
public sealed class AppSettingsTests
{
    /// <summary>What the isolated worker and the Functions host read, on either plan.</summary>
    private static readonly string[] CommonSettings =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AZURE_CLIENT_ID",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "DurableTaskHubName",
        "Dunning__Storage__AccountName",
        "Dunning__Storage__Prefix",
        "Dunning__Clock__Speed",
        "Dunning__Channels__Provider",
        "Dunning__Channels__Acs__Endpoint",
        "Dunning__Channels__Acs__SenderPhone",
        "Dunning__Channels__Acs__SenderEmail",
        "Dunning__Channels__Acs__WebhookSecret",
        "Dunning__Webhooks__PaymentSecret",
        "Dunning__Legal__WebhookUrl",
        "Dunning__Legal__WebhookSecret",
        "Dunning__Auth__ApiKeys__0__Name",
        "Dunning__Auth__ApiKeys__0__Key",
        "Dunning__Auth__ApiKeys__0__Role",
        "Dunning__Auth__ApiKeys__1__Name",
        "Dunning__Auth__ApiKeys__1__Key",
        "Dunning__Auth__ApiKeys__1__Role",
        "Dunning__Auth__ApiKeys__2__Name",
        "Dunning__Auth__ApiKeys__2__Key",
        "Dunning__Auth__ApiKeys__2__Role",
        "Dunning__Auth__Entra__Authority",
        "Dunning__Auth__Entra__Audience",
        "Dunning__Console__Entra__ClientId",
        "Dunning__Console__Entra__Scopes__0",
    ];

    /// <summary>Elastic Premium only: Flex rejects the first two and deploys through functionAppConfig instead.</summary>
    private static readonly string[] PremiumOnlySettings =
    [
        "FUNCTIONS_EXTENSION_VERSION",
        "FUNCTIONS_WORKER_RUNTIME",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID",
    ];

    private static FunctionAppModule App => FunctionAppModule.Compiled;

    private static IEnumerable<KeyValuePair<string, string>> EverySetting => App.FlexSettings.Concat(App.PremiumSettings);

    [Fact]
    public void AppSettings_UseTheNamesTheAppReads()
    {
        Assert.Equal(CommonSettings.Order(StringComparer.Ordinal), App.FlexSettings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(CommonSettings.Concat(PremiumOnlySettings).Order(StringComparer.Ordinal), App.PremiumSettings.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppSettings_HoldNoAccountOrAcsKey()
    {
        string[] keyMarkers = ["AccountKey", "listKeys", "accesskey", "SharedAccessSignature", "ConnectionString="];

        var leaks = EverySetting.Where(s => keyMarkers.Any(m => s.Value.Contains(m, StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.True(leaks.Count == 0, "Settings holding a key: " + string.Join(", ", leaks.Select(s => $"{s.Key}={s.Value}")));
        foreach (var template in CompiledMain.Template.SelfAndNested)
        {
            Assert.DoesNotContain("listKeys", template.Json.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void AppSettings_ReachStorageWithTheIdentity()
    {
        var settings = App.FlexSettings;

        Assert.Equal("[parameters('storageAccountName')]", settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AZURE_CLIENT_ID"]);
        Assert.Equal("[parameters('storageAccountName')]", settings["Dunning__Storage__AccountName"]);
        Assert.Equal("[parameters('dataPrefix')]", settings["Dunning__Storage__Prefix"]);
        Assert.Equal("dunning", CompiledMain.Template.Variable("dataPrefix")?.ToString());
        Assert.Equal("dunning", settings["DurableTaskHubName"]);
        Assert.EndsWith(".clientId]", App.Module.ArgumentText("identityClientId"), StringComparison.Ordinal);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", App.Module.ArgumentText("identityClientId"), StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_SendTelemetryWithEntraId()
    {
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", App.FlexSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Equal("[parameters('insightsConnectionString')]", App.FlexSettings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);

        var insights = CompiledMain.Template.ModuleDeclaring("Microsoft.Insights/components").Template.Single("Microsoft.Insights/components");
        Assert.Equal("True", insights["properties"]!["DisableLocalAuth"]!.ToString(), ignoreCase: true);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights["properties"]!["WorkspaceResourceId"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_SendThroughCommunicationServicesWithoutKey()
    {
        var settings = App.FlexSettings;

        Assert.Equal("Acs", settings["Dunning__Channels__Provider"]);
        Assert.Equal("[parameters('communicationEndpoint')]", settings["Dunning__Channels__Acs__Endpoint"]);
        Assert.Equal("[parameters('senderEmail')]", settings["Dunning__Channels__Acs__SenderEmail"]);
        Assert.Equal("[parameters('smsSenderPhone')]", settings["Dunning__Channels__Acs__SenderPhone"]);

        var communication = CompiledMain.Template.ModuleDeclaring("Microsoft.Communication/communicationServices");
        var outputs = communication.Template.Outputs;
        Assert.Equal("[format('https://{0}', reference(resourceId('Microsoft.Communication/communicationServices', format('{0}-acs-{1}', parameters('name'), parameters('suffix'))), '2025-05-01').hostName)]",
            outputs["endpoint"]!["value"]!.ToString());
        Assert.StartsWith("[format('DoNotReply@{0}'", outputs["senderEmail"]!["value"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains(".mailFromSenderDomain", outputs["senderEmail"]!["value"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_RunTheClockAtRealSpeed()
    {
        Assert.Equal("1", App.FlexSettings["Dunning__Clock__Speed"]);
    }

    [Fact]
    public void AppSettings_KeepNoCustomHandlerSetting()
    {
        var leftovers = EverySetting.Where(s =>
                s.Key.StartsWith("Dunning__Host__", StringComparison.Ordinal)
                || s.Key.StartsWith("Dunning__Durable__", StringComparison.Ordinal)
                || s.Key is "AzureWebJobsStorage" or "Dunning__Storage__ConnectionString" or "Dunning__Channels__Acs__ConnectionString"
                || s.Value.Equals("custom", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.True(leftovers.Count == 0, "Custom-handler settings left: " + string.Join(", ", leftovers.Select(s => $"{s.Key}={s.Value}")));
    }

    [Fact]
    public void FlexPlan_LeavesTheWorkerRuntimeToFunctionAppConfig()
    {
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", App.FlexSettings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", App.FlexSettings.Keys);
    }
}
