using System.Diagnostics;
using System.Globalization;

namespace Dunning.Bench;

/// <summary>CPU time of this process (the runtime under test, or the ceiling's client) and of Azurite, so a window can
/// say which side of the wire its time went to. On a 2-core machine Azurite's one Node.js thread and the runtime share
/// the cores.</summary>
public sealed class CpuMeter(int azuriteProcessId)
{
    // Linux reports process times in clock ticks; 100 per second on every common kernel configuration.
    private const double TicksPerSecond = 100;

    public CpuSample Sample() => new(Process.GetCurrentProcess().TotalProcessorTime, AzuriteTime());

    private TimeSpan AzuriteTime()
    {
        var stat = $"/proc/{azuriteProcessId}/stat";
        if (!File.Exists(stat))
        {
            return TimeSpan.Zero;
        }

        // Fields after the parenthesised command name: state is the 3rd field, utime the 14th and stime the 15th.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}

/// <summary>CPU used so far by this process and by Azurite.</summary>
public sealed record CpuSample(TimeSpan Self, TimeSpan Azurite)
{
    public static CpuSample operator -(CpuSample a, CpuSample b) => new(a.Self - b.Self, a.Azurite - b.Azurite);

    /// <summary>Milliseconds of CPU per event on each side.</summary>
    public (double Self, double Azurite) PerEvent(long events) =>
        events == 0 ? (double.NaN, double.NaN) : (Math.Round(Self.TotalMilliseconds / events, 2), Math.Round(Azurite.TotalMilliseconds / events, 2));
}
