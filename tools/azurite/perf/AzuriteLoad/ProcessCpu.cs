using System.Globalization;

namespace AzuriteLoad;

/// <summary>User plus system CPU of a set of processes, read from /proc (Linux reports clock ticks, 100 a second).</summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100;

    public static TimeSpan Read(IEnumerable<int> pids) =>
        TimeSpan.FromSeconds(pids.Sum(pid =>
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The fields after the parenthesised command name start at the state (3rd); utime is the 14th, stime the 15th.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }));
}
