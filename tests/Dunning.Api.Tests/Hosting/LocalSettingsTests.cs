using Dunning.Api.Hosting;
using Microsoft.Extensions.Configuration;

namespace Dunning.Api.Tests;

/// <summary>local.settings.json in the Functions format becomes configuration, under environment variables.</summary>
public sealed class LocalSettingsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"local.settings.{Guid.NewGuid():N}.json");

    [Fact]
    public void GivenFunctionsStyleValues_WhenRead_ThenTheyAreConfigurationKeys()
    {
        File.WriteAllText(_path, """
            {
              "IsEncrypted": false,
              "Values": { "Dunning:Clock:Speed": "8640", "Dunning__Storage__Prefix": "demo", "Flag": true },
              "ConnectionStrings": { "Storage": "UseDevelopmentStorage=true" }
            }
            """);

        var configuration = new ConfigurationBuilder().Add(new LocalSettingsSource(_path)).Build();

        Assert.Equal("8640", configuration["Dunning:Clock:Speed"]);
        Assert.Equal("demo", configuration["Dunning:Storage:Prefix"]);
        Assert.Equal("true", configuration["Flag"]);
        Assert.Equal("UseDevelopmentStorage=true", configuration["ConnectionStrings:Storage"]);
    }

    [Fact]
    public void GivenTheSampleOfTheRepository_WhenRead_ThenItHoldsTheDevelopmentKeysAndSecret()
    {
        var sample = Path.Combine(LocalSettings.FindRoot()!, LocalSettings.SampleName);

        var configuration = new ConfigurationBuilder().Add(new LocalSettingsSource(sample)).Build();

        var keys = configuration.GetSection("Dunning:Auth:ApiKeys").GetChildren()
            .ToDictionary(k => k["Key"]!, k => k["Role"]!);
        Assert.Equal("operator", keys["dev-operator-key"]);
        Assert.Equal("supervisor", keys["dev-supervisor-key"]);
        Assert.Equal("viewer", keys["dev-viewer-key"]);
        Assert.Equal("dev-webhook-secret", configuration["Dunning:Webhooks:PaymentSecret"]);
        Assert.Equal("1", configuration["Dunning:Clock:Speed"]);
    }

    public void Dispose() => File.Delete(_path);
}
