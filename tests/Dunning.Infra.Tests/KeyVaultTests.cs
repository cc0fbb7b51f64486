using Dunning.Infra.Tests.Infrastructure;

namespace Dunning.Infra.Tests;

/// <summary>Secrets live in Key Vault; the app settings only point at them.</summary>
public sealed class KeyVaultTests
{
    /// <summary>Setting -> the Key Vault secret it refers to.</summary>
    public static TheoryData<string, string> SecretSettings => new()
    {
        { "Dunning__Webhooks__PaymentSecret", "payment-webhook-secret" },
        { "Dunning__Legal__WebhookSecret", "legal-webhook-secret" },
        { "Dunning__Channels__Acs__WebhookSecret", "acs-webhook-secret" },
        { "Dunning__Auth__ApiKeys__0__Key", "api-key-operator" },
        { "Dunning__Auth__ApiKeys__1__Key", "api-key-supervisor" },
        { "Dunning__Auth__ApiKeys__2__Key", "api-key-viewer" },
    };

    private static FunctionAppModule App => FunctionAppModule.Compiled;

    private static ArmModule Vault => CompiledMain.Template.ModuleDeclaring("Microsoft.KeyVault/vaults");

    [Theory]
    [MemberData(nameof(SecretSettings))]
    public void SecretSettings_AreKeyVaultReferences(string setting, string secret)
    {
        var reference = $"@Microsoft.KeyVault(SecretUri={{0}}/{secret})', variables('secrets'))";

        Assert.Contains(reference, App.FlexSettings[setting], StringComparison.Ordinal);
        Assert.Equal(App.FlexSettings[setting], App.PremiumSettings[setting]);
        Assert.Equal("[format('{0}secrets', parameters('keyVaultUri'))]", App.Template.Variable("secrets")?.ToString());
        Assert.EndsWith(".outputs.uri.value]", App.Module.ArgumentText("keyVaultUri"), StringComparison.Ordinal);
    }

    [Fact]
    public void LegalWebhookSecret_IsEmptyWhenNoneIsGiven()
    {
        var (condition, whenSigned, whenNot) = ArmExpression.If(App.FlexSettings["Dunning__Legal__WebhookSecret"]);

        Assert.Equal("parameters('signsLegalWebhook')", condition);
        Assert.Contains("legal-webhook-secret", whenSigned, StringComparison.Ordinal);
        Assert.Equal("''", whenNot);
        Assert.Equal("[not(empty(parameters('legalWebhookSecret')))]", App.Module.ArgumentText("signsLegalWebhook"));
    }

    [Fact]
    public void KeyVault_StoresEverySecretTheSettingsReferFromSecureParameters()
    {
        var secretValues = Vault.Argument("secretValues")!.AsObject();
        var main = CompiledMain.Template;

        Assert.Equal(SecretSettings.Select(row => (string)row[1]).Order(StringComparer.Ordinal), secretValues.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (secret, value) in secretValues)
        {
            var parameter = value!.ToString()["[parameters('".Length..^"')]".Length];
            Assert.True(string.Equals(main.Parameter(parameter)["type"]?.ToString(), "securestring", StringComparison.OrdinalIgnoreCase),
                $"{secret} comes from {parameter}, which is not @secure().");
        }

        Assert.Equal("secureObject", Vault.Template.Parameter("secretValues")["type"]?.ToString(), ignoreCase: true);
    }

    [Fact]
    public void Site_ResolvesReferencesWithTheUserAssignedIdentity()
    {
        Assert.Equal("[parameters('identityId')]", App.Site["properties"]!["keyVaultReferenceIdentity"]?.ToString());
    }

    [Fact]
    public void KeyVault_AuthorizesWithRbacAndKeepsDeletedSecrets()
    {
        var vault = Vault.Template.Single("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.Equal("True", vault["enableRbacAuthorization"]!.ToString(), ignoreCase: true);
        Assert.Equal("True", vault["enableSoftDelete"]!.ToString(), ignoreCase: true);
        Assert.Equal("[if(parameters('purgeProtection'), true(), null())]", vault["enablePurgeProtection"]!.ToString());
        Assert.Equal("[parameters('keyVaultPurgeProtection')]", Vault.ArgumentText("purgeProtection"));
    }
}
