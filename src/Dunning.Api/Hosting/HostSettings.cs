namespace Dunning.Api.Hosting;

/// <summary>How the process is hosted, bound from <c>Dunning:Host</c>: the port of a self-hosted run, whether to read
/// local.settings.json and start a local Azurite, and whether to serve the Functions custom-handler endpoints.</summary>
public sealed class HostSettings
{
    public const string Section = "Dunning:Host";

    /// <summary>Set by the Azure Functions host when it starts this executable as a custom handler.</summary>
    public const string FunctionsPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public int Port { get; set; } = 7071;

    /// <summary>Read settings from local.settings.json at the repository root (created from the sample when absent).</summary>
    public bool UseLocalSettings { get; set; } = true;

    /// <summary>Start the pinned Azurite when the storage is the local emulator and nothing answers there.</summary>
    public bool StartLocalEmulator { get; set; } = true;

    /// <summary>Serve the Functions custom-handler endpoints (queue and timer triggers); on when the Functions host started us.</summary>
    public bool FunctionsHandler { get; set; }

    /// <summary>How long POST /api/cases waits for the processor to open the case before answering 202.</summary>
    public TimeSpan OpenCaseWait { get; set; } = TimeSpan.FromSeconds(5);

    public static HostSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<HostSettings>() ?? new HostSettings();
        if (int.TryParse(configuration[FunctionsPortVariable], out var functionsPort) && functionsPort > 0)
        {
            settings.Port = functionsPort;
            settings.FunctionsHandler = true;
            // The Functions host hands local.settings.json's Values over as environment variables itself.
            settings.UseLocalSettings = false;
        }

        return settings;
    }
}
