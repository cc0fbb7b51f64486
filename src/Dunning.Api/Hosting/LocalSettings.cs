namespace Dunning.Api.Hosting;

/// <summary>Finds local.settings.json at the repository root (or, when there is none, reads the committed sample in its
/// place: start-up never writes into the repository) and layers it under the environment and the command line, so
/// <c>Dunning__Clock__Speed=8640</c> still wins over the file.</summary>
public static class LocalSettings
{
    public const string FileName = "local.settings.json";
    public const string SampleName = "local.settings.sample.json";

    /// <summary>Adds local.settings.json (or the sample) when <see cref="HostSettings.UseLocalSettings"/> is on; returns the
    /// file used, if any.</summary>
    public static string? AddLocalSettings(this WebApplicationBuilder builder, string[] args)
    {
        if (!HostSettings.From(builder.Configuration).UseLocalSettings || FindRoot() is not { } root)
        {
            return null;
        }

        var path = Path.Combine(root, FileName);
        if (!File.Exists(path))
        {
            // Copy the sample to local.settings.json to change a setting; until then the sample's values apply.
            path = Path.Combine(root, SampleName);
        }

        // Re-adding the environment and the command line after the file keeps their precedence over it.
        ((IConfigurationBuilder)builder.Configuration).Add(new LocalSettingsSource(path));
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        return path;
    }

    /// <summary>The nearest folder above the working directory (or, failing that, the executable) holding the sample.</summary>
    public static string? FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SampleName)))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
