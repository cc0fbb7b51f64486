using System.Runtime.InteropServices;

namespace Dunning.Channels.Storage.LocalEmulator;

/// <summary>Asks a process to shut down the way Ctrl+C would. .NET can only kill a process (SIGKILL), which gives Azurite
/// no chance to save data kept in a folder.</summary>
internal static class ProcessSignal
{
    // SIGINT is 2 on Linux and macOS alike; it is the one signal all of Azurite's entry points shut down cleanly on
    // (azurite-table has no SIGTERM handler, so SIGTERM ends it at once, without saving).
    private const int SigInt = 2;

    /// <summary>False where there are no POSIX signals (Windows) or the process is gone; the caller then kills it.</summary>
    public static bool TryInterrupt(int processId) =>
        !OperatingSystem.IsWindows() && Native.kill(processId, SigInt) == 0;

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs AllowUnsafeBlocks, which this project does not otherwise need.
        public static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
    }
}
