using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Dunning.Chaos.Tests;

/// <summary>The small chaos run as part of the test suite: 50 cases on the Durable engine, 60 s of chaos, three worker
/// processes on one task hub SIGKILLed at random about every 8 s, 5% of their own storage requests failing, payments and
/// supervisor actions through the command log. Every invariant must hold, and the run says so with exit code 0 and
/// "N passed, 0 failed". About 1.5-2 minutes on a 2-core machine.</summary>
public sealed partial class SmallChaosRunTests(ITestOutputHelper output)
{
    /// <summary>The run's own arguments: what the test runs, and what bench/README.md shows.</summary>
    public static readonly IReadOnlyList<string> Arguments =
        ["--cases", "50", "--seconds", "60", "--workers", "3", "--kill-every", "8", "--fault-rate", "0.05"];

    /// <summary>Far beyond the run's own time: it waits for rest as long as cases keep settling, which a loaded machine slows.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task GivenWorkersKilledAndStorageFailing_WhenCasesRunTheLadderWithPaymentsAndSupervisorActions_ThenEveryInvariantHolds()
    {
        var chaos = typeof(SmallChaosRunTests).Assembly.GetCustomAttribute<ChaosExecutableAttribute>()!.Path;
        Assert.True(File.Exists(chaos), $"The chaos executable was not built at {chaos}.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in Arguments.Prepend(chaos))
        {
            start.ArgumentList.Add(argument);
        }

        var text = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(text, e.Data);
        process.ErrorDataReceived += (_, e) => Append(text, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var log = Snapshot(text);
        output.WriteLine(log);
        Assert.False(timeout.IsCancellationRequested, $"The chaos run took longer than {Patience.TotalMinutes} minutes.");
        Assert.Matches(Closing(), log);
        Assert.True(process.ExitCode == 0, $"The chaos run failed (exit code {process.ExitCode}):\n{log}");
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    [GeneratedRegex(@"(?m)^\d+ passed, 0 failed\r?$")]
    private static partial Regex Closing();
}
