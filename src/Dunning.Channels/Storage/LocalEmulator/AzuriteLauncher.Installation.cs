using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;

namespace Dunning.Channels.Storage.LocalEmulator;

public sealed partial class AzuriteLauncher
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LockRetryInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Written by patches/apply.cjs once every edit is made; holds <see cref="PatchHash"/>.</summary>
    internal const string PatchMarker = ".dunning-azurite-patch";

    /// <summary>Walks up from <paramref name="startDirectory"/> to the first folder holding tools/azurite/package.json.</summary>
    public static string FindToolDirectory(string startDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startDirectory);
        for (var directory = new DirectoryInfo(Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tools", "azurite");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No tools/azurite/package.json in {startDirectory} or any folder above it.");
    }

    /// <summary>
    /// npm writes node_modules/.package-lock.json last, so its presence means a finished install, and it being
    /// older than package-lock.json means the pin changed since (npm ci would then install something else). The patch
    /// that npm ci's postinstall applies (patches/apply.cjs) writes its marker after that, naming the patch it applied:
    /// a different one means the patch changed since, and a fresh npm ci applies the new one to pristine sources.
    /// </summary>
    internal static bool IsInstalled(string toolDirectory)
    {
        var lockFile = Path.Combine(toolDirectory, "package-lock.json");
        var installedLock = Path.Combine(toolDirectory, "node_modules", ".package-lock.json");
        return AzuriteService.All.All(service => File.Exists(service.EntryScript(toolDirectory)))
            && File.Exists(installedLock)
            && File.GetLastWriteTimeUtc(installedLock) >= File.GetLastWriteTimeUtc(lockFile)
            && IsPatchApplied(toolDirectory);
    }

    private static bool IsPatchApplied(string toolDirectory)
    {
        var marker = Path.Combine(toolDirectory, "node_modules", PatchMarker);
        return File.Exists(marker) && File.ReadAllText(marker).Trim() == PatchHash(toolDirectory);
    }

    /// <summary>What apply.cjs writes to the marker: SHA-256 over the .js and .cjs files of patches/, in ordinal name order.</summary>
    internal static string PatchHash(string toolDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(Path.Combine(toolDirectory, "patches"))
            .Where(file => file.EndsWith(".js", StringComparison.Ordinal) || file.EndsWith(".cjs", StringComparison.Ordinal))
            .OrderBy(Path.GetFileName, StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal static async Task EnsureInstalledAsync(string toolDirectory, CancellationToken cancellationToken)
    {
        if (IsInstalled(toolDirectory))
        {
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(InstallTimeout);
        var npmOutput = new ProcessOutputTail();
        try
        {
            await using var installLock = await AcquireInstallLockAsync(toolDirectory, deadline.Token).ConfigureAwait(false);

            // Another test process may have finished the install while we waited for the lock.
            if (IsInstalled(toolDirectory))
            {
                return;
            }

            await RunNpmCiAsync(toolDirectory, npmOutput, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AzuriteStartException(
                $"Installing Azurite (npm ci in {toolDirectory}) did not finish within {InstallTimeout.TotalMinutes:0} minutes.",
                npmOutput.ToString(),
                exception);
        }

        if (!IsInstalled(toolDirectory))
        {
            throw new AzuriteStartException(
                $"npm ci finished but an entry script under node_modules/azurite/dist/src, node_modules/.package-lock.json or the patch marker node_modules/{PatchMarker} is missing or stale (did npm skip the postinstall script?).",
                "(npm reported success)");
        }
    }

    /// <summary>
    /// Test projects run in separate processes; two npm ci in one folder delete each other's files.
    /// FileShare.None takes an OS file lock (flock on Unix), which the OS releases if the holder dies.
    /// </summary>
    private static async Task<FileStream> AcquireInstallLockAsync(string toolDirectory, CancellationToken cancellationToken)
    {
        var stateDirectory = Directory.CreateDirectory(Path.Combine(toolDirectory, ".azurite"));
        var lockPath = Path.Combine(stateDirectory.FullName, "npm-ci.lock");
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(LockRetryInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task RunNpmCiAsync(string toolDirectory, ProcessOutputTail output, CancellationToken cancellationToken)
    {
        // npm is a .cmd script on Windows, which only cmd.exe can run when UseShellExecute is false.
        var startInfo = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/c", "npm" } }
            : new ProcessStartInfo("npm");
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.WorkingDirectory = toolDirectory;
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;

        using var npm = new Process { StartInfo = startInfo };
        npm.OutputDataReceived += (_, line) => output.Add(line.Data);
        npm.ErrorDataReceived += (_, line) => output.Add(line.Data);
        try
        {
            npm.Start();
        }
        catch (Win32Exception exception)
        {
            throw new AzuriteStartException("Could not run 'npm'; Node.js 20 or newer with npm must be on PATH.", exception.Message, exception);
        }

        npm.BeginOutputReadLine();
        npm.BeginErrorReadLine();
        try
        {
            await npm.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A half-finished npm ci leaves no .package-lock.json, so the next start simply runs it again.
            npm.Kill(entireProcessTree: true);
            await npm.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (npm.ExitCode != 0)
        {
            throw new AzuriteStartException($"npm ci in {toolDirectory} failed with exit code {npm.ExitCode}.", output.ToString());
        }
    }
}
