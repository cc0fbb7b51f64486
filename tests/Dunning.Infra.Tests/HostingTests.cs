using Dunning.Infra.Tests.Infrastructure;

namespace Dunning.Infra.Tests;

/// <summary>The app runs the .NET 10 isolated worker on either plan, and something always polls the task hub.</summary>
public sealed class HostingTests
{
    private static FunctionAppModule App => FunctionAppModule.Compiled;

    [Fact]
    public void Plan_IsFlexConsumptionUnlessElasticPremiumIsChosen()
    {
        var plan = CompiledMain.Template.Parameter("plan");

        Assert.Equal("FlexConsumption", plan["defaultValue"]?.ToString());
        Assert.Equal(["FlexConsumption", "ElasticPremium"], plan["allowedValues"]!.AsArray().Select(v => v!.ToString()));
        Assert.Equal("[parameters('plan')]", App.Module.ArgumentText("plan"));

        var (flexSku, premiumSku) = App.ByPlan(App.HostingPlan["sku"]);
        Assert.Equal("createObject('name', 'FC1', 'tier', 'FlexConsumption')", flexSku);
        Assert.Equal("createObject('name', 'EP1', 'tier', 'ElasticPremium')", premiumSku);
        Assert.Equal("True", App.HostingPlan["properties"]!["reserved"]!.ToString(), ignoreCase: true);
    }

    [Fact]
    public void Site_RunsDotnetIsolated10_OnEitherPlan()
    {
        var (flexConfig, premiumConfig) = App.ByPlan(App.Site["properties"]!["functionAppConfig"]);
        Assert.Contains("createObject('runtime', createObject('name', 'dotnet-isolated', 'version', '10.0'),", flexConfig, StringComparison.Ordinal);
        Assert.Equal("null()", premiumConfig);

        var (flexStack, premiumStack) = App.ByPlan(App.Site["properties"]!["siteConfig"]!["linuxFxVersion"]);
        Assert.Equal("null()", flexStack);
        Assert.Equal("'DOTNET-ISOLATED|10.0'", premiumStack);
        Assert.Equal("dotnet-isolated", App.PremiumSettings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("~4", App.PremiumSettings["FUNCTIONS_EXTENSION_VERSION"]);
        Assert.Equal("functionapp,linux", App.Site["kind"]?.ToString());
    }

    [Fact]
    public void FlexPlan_KeepsOneDurableInstanceAlwaysReady()
    {
        var (flexConfig, _) = App.ByPlan(App.Site["properties"]!["functionAppConfig"]);

        Assert.Contains("'alwaysReady', createArray(createObject('name', 'durable', 'instanceCount', 1))", flexConfig, StringComparison.Ordinal);
        Assert.Contains("'instanceMemoryMB', parameters('instanceMemoryMB')", flexConfig, StringComparison.Ordinal);
        Assert.Contains("'maximumInstanceCount', parameters('maximumInstanceCount')", flexConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void ElasticPremiumPlan_KeepsOneInstanceWarm()
    {
        var (flexMinimum, premiumMinimum) = App.ByPlan(App.Site["properties"]!["siteConfig"]!["minimumElasticInstanceCount"]);

        Assert.Equal("null()", flexMinimum);
        Assert.Equal("1", premiumMinimum);
    }

    [Fact]
    public void FlexPlan_DeploysFromTheBlobContainerWithTheIdentity()
    {
        var (flexConfig, _) = App.ByPlan(App.Site["properties"]!["functionAppConfig"]);

        Assert.Contains("createObject('type', 'blobContainer', 'value', parameters('deploymentContainerUrl')", flexConfig, StringComparison.Ordinal);
        Assert.Contains("createObject('type', 'UserAssignedIdentity', 'userAssignedIdentityResourceId', parameters('identityId'))", flexConfig, StringComparison.Ordinal);
        Assert.Contains("outputs.deploymentContainerUrl.value", App.Module.ArgumentText("deploymentContainerUrl"), StringComparison.Ordinal);
    }

    [Fact]
    public void ElasticPremiumPlan_RunsThePackageFromTheContainerWithTheIdentity()
    {
        Assert.Equal("[format('{0}/functionapp.zip', parameters('deploymentContainerUrl'))]", App.PremiumSettings["WEBSITE_RUN_FROM_PACKAGE"]);
        Assert.Equal("[parameters('identityId')]", App.PremiumSettings["WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID"]);
    }

    [Fact]
    public void Site_RunsAsTheUserAssignedIdentityOnly()
    {
        var identity = App.Site["identity"]!;

        Assert.Equal("UserAssigned", identity["type"]?.ToString());
        Assert.Equal(["[format('{0}', parameters('identityId'))]"], identity["userAssignedIdentities"]!.AsObject().Select(p => p.Key));
        Assert.StartsWith("[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities'", App.Module.ArgumentText("identityId"), StringComparison.Ordinal);
        Assert.Single(CompiledMain.Template.SelfAndNested.SelectMany(t => t.ResourcesOfType("Microsoft.ManagedIdentity/userAssignedIdentities")));
    }
}
