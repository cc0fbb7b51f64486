namespace Dunning.Endpoints.Auth;

/// <summary>Who may call the API, bound from <c>Dunning:Auth</c>: API keys with a role each, and optionally an
/// Entra ID tenant whose tokens carry the role in their <c>roles</c> claim.</summary>
public sealed class AuthSettings
{
    public const string Section = "Dunning:Auth";

    public List<ApiKey> ApiKeys { get; set; } = [];

    public EntraSettings Entra { get; set; } = new();
}

/// <summary>One API key: <see cref="Name"/> is the actor recorded in the history, <see cref="Role"/> what it may do.</summary>
public sealed class ApiKey
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public string Role { get; set; } = "";
}

/// <summary>Microsoft Entra ID: bearer tokens are accepted only when both values are set.</summary>
public sealed class EntraSettings
{
    public string? Authority { get; set; }
    public string? Audience { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(Audience);
}
