using Dunning.Infra.Tests.Infrastructure;

namespace Dunning.Infra.Tests;

/// <summary>The optional Event Grid subscription brings Communication Services events to the ACS webhook.</summary>
public sealed class DeliveryReportsTests
{
    private static ArmModule DeliveryReports => CompiledMain.Template.ModuleDeclaring("Microsoft.EventGrid/systemTopics/eventSubscriptions");

    private static ArmTemplate Template => DeliveryReports.Template;

    [Fact]
    public void DeliveryReports_TargetTheAcsWebhookWithItsSecret()
    {
        var subscription = Template.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions")["properties"]!["destination"]!;

        Assert.Equal("WebHook", subscription["endpointType"]?.ToString());
        Assert.Equal("[parameters('endpointUrl')]", subscription["properties"]!["endpointUrl"]?.ToString());
        Assert.Equal("securestring", Template.Parameter("endpointUrl")["type"]?.ToString(), ignoreCase: true);
        Assert.StartsWith("[format('https://{0}/api/webhooks/acs?code={1}', ", DeliveryReports.ArgumentText("endpointUrl"), StringComparison.Ordinal);
        Assert.EndsWith(".outputs.hostName.value, uriComponent(parameters('acsWebhookSecret')))]", DeliveryReports.ArgumentText("endpointUrl"), StringComparison.Ordinal);
    }

    [Fact]
    public void DeliveryReports_CoverSmsReportsInboundSmsAndEmailReports()
    {
        var filter = Template.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions")["properties"]!["filter"]!;

        Assert.Equal(
            ["Microsoft.Communication.SMSDeliveryReportReceived", "Microsoft.Communication.SMSReceived", "Microsoft.Communication.EmailDeliveryReportReceived"],
            filter["includedEventTypes"]!.AsArray().Select(t => t!.ToString()));
        Assert.Equal("Microsoft.Communication.CommunicationServices", Template.Single("Microsoft.EventGrid/systemTopics")["properties"]!["topicType"]?.ToString());
    }

    [Fact]
    public void DeliveryReports_AreOffUntilTheCodeIsDeployed()
    {
        Assert.Equal("[parameters('subscribeDeliveryReports')]", DeliveryReports.Condition);
        Assert.Equal("False", CompiledMain.Template.Parameter("subscribeDeliveryReports")["defaultValue"]!.ToString(), ignoreCase: true);
    }
}
