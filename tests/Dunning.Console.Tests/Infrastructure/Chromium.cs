using System.Diagnostics;

namespace Dunning.Console.Tests;

/// <summary>Debian's Chromium at /usr/bin/chromium, which the browser tests drive. Where it is missing, it is installed
/// with apt (the tests run as root on a fresh machine, as CI does); Playwright never downloads a browser of its own.
/// A small CJK font comes with it, so the Chinese screenshots show characters rather than empty boxes.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";
    private const string CjkFont = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The flags a sandboxed, offline root process needs: no sandbox, no GPU, and no background traffic to
    /// hosts this machine cannot reach.</summary>
    public static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    public static async Task<string> EnsureInstalledAsync()
    {
        if (File.Exists(Path) && File.Exists(CjkFont))
        {
            return Path;
        }

        await Gate.WaitAsync();
        try
        {
            if (!File.Exists(Path))
            {
                await RunAsync("apt-get", "update -qq");
                await RunAsync("apt-get", "install -y -qq --no-install-recommends chromium fonts-wqy-microhei");
            }
            else if (!File.Exists(CjkFont))
            {
                // Only the screenshots need it: a machine that cannot install it still runs every test.
                try
                {
                    await RunAsync("apt-get", "install -y -qq --no-install-recommends fonts-wqy-microhei");
                }
                catch (InvalidOperationException)
                {
                }
            }
        }
        finally
        {
            Gate.Release();
        }

        return File.Exists(Path) ? Path : throw new InvalidOperationException($"apt-get installed chromium, yet {Path} is missing.");
    }

    private static async Task RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{file} {arguments}' exited with {process.ExitCode} (installing Chromium for the browser tests needs root and Debian's package lists): {await error}{await output}");
        }
    }
}
