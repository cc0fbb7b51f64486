namespace Dunning.Endpoints.SupervisorConsole;

/// <summary>The console's own settings, bound from <c>Dunning:Console</c>: the Entra ID app registration the browser
/// signs in with (a single-page application; the API's <c>Dunning:Auth:Entra</c> validates the tokens it gets).</summary>
public sealed class ConsoleSettings
{
    public const string Section = "Dunning:Console";

    public ConsoleEntraSettings Entra { get; set; } = new();
}

/// <summary>The console's app registration: client id, the scopes to ask for (e.g. "api://dunning/.default"), and an
/// authority when it differs from the API's.</summary>
public sealed class ConsoleEntraSettings
{
    public string? ClientId { get; set; }
    public string? Authority { get; set; }
    public List<string> Scopes { get; set; } = [];
}

/// <summary>GET /console/config.json: what the page needs before sign-in. <see cref="Entra"/> is null unless the API
/// accepts Entra tokens and the console has a client id.</summary>
public sealed record ConsoleConfig(ConsoleEntraConfig? Entra);

/// <summary>Where the browser signs in (authorization code with PKCE) and what it asks for.</summary>
public sealed record ConsoleEntraConfig(string Authority, string ClientId, IReadOnlyList<string> Scopes);
