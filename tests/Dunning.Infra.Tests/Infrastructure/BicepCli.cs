using System.Xml.Linq;

namespace Dunning.Infra.Tests.Infrastructure;

/// <summary>The Bicep CLI pinned in infra/bicep-cli/BicepCli.proj. The tests restore it themselves: CI starts from a
/// clean clone and an empty NuGet cache.</summary>
internal static class BicepCli
{
    private const string PackageId = "Azure.Bicep.CommandLine.linux-x64";

    private static string Project => Path.Combine(Repository.Infra, "bicep-cli", "BicepCli.proj");

    /// <summary>Restores the pinned package and answers the path of its executable.</summary>
    public static string Restore()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException($"BicepCli.proj pins {PackageId}: run these tests on Linux x64, as CI does.");
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var restore = ProcessRun.Start(dotnet, ["restore", Project, "--verbosity", "quiet"], TimeSpan.FromMinutes(5));
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException($"{restore.Command} exited {restore.ExitCode}:\n{restore.StandardOutput}\n{restore.StandardError}");
        }

        var executable = Path.Combine(PackagesFolder(), PackageId.ToLowerInvariant(), PinnedVersion(), "tools", "bicep");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"{restore.Command} succeeded but left no {executable}.");
        }

        // NuGet does not keep the executable bit.
        File.SetUnixFileMode(executable, File.GetUnixFileMode(executable) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return executable;
    }

    /// <summary>The version in <c>&lt;PackageDownload Version="[x.y.z]"&gt;</c>.</summary>
    private static string PinnedVersion()
    {
        var download = XDocument.Load(Project).Descendants("PackageDownload")
            .Single(e => (string?)e.Attribute("Include") == PackageId);
        return ((string)download.Attribute("Version")!).Trim('[', ']');
    }

    private static string PackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
