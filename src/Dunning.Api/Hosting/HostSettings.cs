namespace Dunning.Api.Hosting;

/// <summary>How the process is hosted, bound from <c>Dunning:Host</c>: the port, whether to read local.settings.json,
/// and whether (and where) to start a local Azurite.</summary>
public sealed class HostSettings
{
    public const string Section = "Dunning:Host";

    public int Port { get; set; } = 7071;

    /// <summary>Read settings from local.settings.json at the repository root (created from the sample when absent).</summary>
    public bool UseLocalSettings { get; set; } = true;

    /// <summary>Start the pinned Azurite when the storage is the local emulator and nothing answers there.</summary>
    public bool StartLocalEmulator { get; set; } = true;

    /// <summary>Where the Azurite this host starts keeps its data, so stopping and starting the host continues every case.
    /// Empty keeps it in memory. Default: <c>dunning/azurite</c> under the user's local data folder (on Linux
    /// <c>~/.local/share/dunning/azurite</c>), outside the repository.</summary>
    public string? AzuriteData { get; set; } = DefaultAzuriteData;

    public static string DefaultAzuriteData { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "dunning", "azurite");

    public static HostSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<HostSettings>() ?? new HostSettings();
}
