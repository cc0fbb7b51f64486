using Azure.Core;
using Azure.Identity;
using Dunning.Channels.Acs;
using Dunning.Channels.DeliveryReports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Dunning.Channels.Tests.Acs;

/// <summary>Configuration picks the provider: capture by default, ACS by connection string or endpoint + credential.</summary>
public sealed class MessageProvidersRegistrationTests
{
    private const string Connection = "endpoint=https://contoso.communication.azure.com/;accesskey=c2VjcmV0LWtleQ==";

    [Fact]
    public void GivenNoConfiguration_WhenComposed_ThenTheCaptureProviderTakesSmsAndEmail()
    {
        using var services = Compose([]);

        var capture = services.GetRequiredService<CapturingMessageProvider>();
        Assert.Same(capture, services.GetRequiredService<ISmsProvider>());
        Assert.Same(capture, services.GetRequiredService<IEmailProvider>());
        Assert.NotNull(services.GetRequiredService<AcsEventGridHandler>());
        Assert.NotNull(services.GetRequiredService<MessageLog>());
    }

    [Fact]
    public void GivenAcsWithConnectionString_WhenComposed_ThenTheAcsProvidersTakeSmsAndEmail()
    {
        using var services = Compose(Acs(("ConnectionString", Connection)));

        Assert.IsType<AcsSmsProvider>(services.GetRequiredService<ISmsProvider>());
        Assert.IsType<AcsEmailProvider>(services.GetRequiredService<IEmailProvider>());
    }

    [Fact]
    public void GivenAcsWithoutConnectionOrEndpoint_WhenComposed_ThenItSaysWhatToSet()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compose(Acs()));

        Assert.Contains("Dunning:Channels:Acs:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAcsWithoutSenders_WhenComposed_ThenItNamesBoth()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compose(new Dictionary<string, string?>
        {
            ["Dunning:Channels:Provider"] = "Acs",
            ["Dunning:Channels:Acs:ConnectionString"] = Connection,
        }));

        Assert.Equal("The Acs provider needs Dunning:Channels:Acs:SenderPhone and Dunning:Channels:Acs:SenderEmail.", error.Message);
    }

    [Fact]
    public void GivenAcsEndpointAndNoCredentialOfTheHost_WhenResolved_ThenTheAcsProvidersUseDefaultAzureCredential()
    {
        using var services = Compose(Acs(("Endpoint", "https://contoso.communication.azure.com/")));

        Assert.IsType<AcsSmsProvider>(services.GetRequiredService<ISmsProvider>());
        Assert.IsType<DefaultAzureCredential>(services.GetRequiredService<TokenCredential>());
    }

    [Fact]
    public void GivenAcsEndpointAndARegisteredCredential_WhenResolved_ThenTheAcsProvidersAreUsed()
    {
        using var services = Compose(Acs(("Endpoint", "https://contoso.communication.azure.com/")), s => s.AddSingleton(Mock.Of<TokenCredential>()));

        Assert.IsType<AcsSmsProvider>(services.GetRequiredService<ISmsProvider>());
    }

    [Fact]
    public void GivenAnUnknownProvider_WhenComposed_ThenItListsTheChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compose(new Dictionary<string, string?> { ["Dunning:Channels:Provider"] = "Twilio" }));

        Assert.Contains("'Capture' or 'Acs'", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Acs(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Dunning:Channels:Provider"] = "Acs",
            ["Dunning:Channels:Acs:SenderPhone"] = AcsTestKit.SenderPhone,
            ["Dunning:Channels:Acs:SenderEmail"] = AcsTestKit.SenderEmail,
        };
        foreach (var (key, value) in settings)
        {
            values[$"Dunning:Channels:Acs:{key}"] = value;
        }

        return values;
    }

    private static ServiceProvider Compose(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICaseCommands, RecordingCaseCommands>();
        services.AddMessageProviders(configuration);
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
