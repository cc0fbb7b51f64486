using System.Diagnostics;

namespace Dunning.Channels.Storage.LocalEmulator;

/// <summary>Whether a process id still names a running process: how the run command tells an orphaned Azurite from one
/// whose owner lives, and how a chaos worker notices that its run has gone.</summary>
public static class ProcessLiveness
{
    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            // No process has that id any more.
            return false;
        }
    }
}
