using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Dunning.Chaos.Tests;

/// <summary>The small chaos run (100 cases, 60 s, three workers killed at random, 5% of storage requests failing) as part
/// of the test suite: every invariant must hold, and the run says so with exit code 0 and "N passed, 0 failed".</summary>
public sealed partial class SmallChaosRunTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task GivenWorkersKilledAndStorageFailing_WhenCasesRunTheLadderWithPaymentsAndSupervisorActions_ThenEveryInvariantHolds()
    {
        var chaos = typeof(SmallChaosRunTests).Assembly.GetCustomAttribute<ChaosExecutableAttribute>()!.Path;
        Assert.True(File.Exists(chaos), $"The chaos executable was not built at {chaos}.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { chaos, "--cases", "100", "--seconds", "60", "--workers", "3" })
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
