using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Dunning.Chaos;

/// <summary>The chaos run's command line, read by System.CommandLine: the run's options (the names the hand-written
/// parser had), and the hidden <c>worker</c> command the run starts its worker processes with. A bad value names the
/// option and exits 2.</summary>
public sealed class ChaosCommand : RootCommand
{
    public const int UsageError = 2;

    /// <summary>The exit code of a run stopped by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    private readonly Option<int> _cases = Number("--cases", "N", "cases opened at the start", 1000, min: 1);
    private readonly Option<int> _seconds = Number("--seconds", "T", "seconds of chaos: kills, faults, payments and supervisor actions", 300, min: 10);
    private readonly Option<int> _workers = Number("--workers", "W", "worker processes", 3, min: 1);
    private readonly Option<double> _faultRate = FaultRate();
    private readonly Option<double> _killEvery = new("--kill-every")
    {
        HelpName = "S",
        Description = "mean seconds between two kills (a worker chosen at random is SIGKILLed and started again at once)",
        DefaultValueFactory = _ => 5,
    };

    private readonly Option<int> _seed = new("--seed") { HelpName = "N", Description = "seed of the random traffic and kills (default: random)" };
    private readonly Option<int> _partitions = Number("--partitions", "P", "control-queue partitions of the task hub, shared out among the workers (1 to 16)", 4, min: 1, max: 16);
    private readonly Option<string> _workerLogs = new("--worker-logs")
    {
        HelpName = "DIR",
        Description = "write each worker's warnings and errors to a file in DIR (default: workers log only what would crash them)",
    };

    public ChaosCommand()
        : base("The chaos run: cases on the Durable engine, worker processes SIGKILLed at random and failing storage requests while payments "
            + "and supervisor actions arrive; then every invariant is checked and printed, with a closing 'N passed, N failed'. "
            + "Exit code 0 when every invariant held, 1 when one failed, 2 for a bad argument.")
    {
        foreach (var option in (Option[])[_cases, _seconds, _workers, _faultRate, _killEvery, _seed, _partitions, _workerLogs])
        {
            Options.Add(option);
        }

        _killEvery.Validators.Add(result =>
        {
            if (!(result.GetValueOrDefault<double>() > 0))
            {
                result.AddError("--kill-every: give a positive number of seconds, e.g. --kill-every 5");
            }
        });
        Subcommands.Add(WorkerCommand());
        SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await ChaosRun.RunAsync(ToOptions(parse), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The run's workers and Azurite were stopped on the way out (each is disposed as the run unwinds).
                await Console.Error.WriteLineAsync("chaos: cancelled before the checks; nothing was checked").ConfigureAwait(false);
                return Cancelled;
            }
        });
    }

    /// <summary>How long a cancelled run may take to stop its workers and Azurite before the process ends anyway.</summary>
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var parse = new ChaosCommand().Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"chaos: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run 'dotnet run --project bench/Dunning.Chaos -- --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }

        // Ctrl+C or SIGTERM cancels the run, which then stops its workers and its Azurite on the way out (the driver's own
        // host would otherwise take the signal for itself and leave the run waiting).
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = StopPatience }, cancellationToken).ConfigureAwait(false);
    }

    public ChaosOptions ToOptions(ParseResult parse) => new()
    {
        Cases = parse.GetValue(_cases),
        Seconds = parse.GetValue(_seconds),
        Workers = parse.GetValue(_workers),
        FaultRate = parse.GetValue(_faultRate),
        KillEvery = parse.GetValue(_killEvery),
        Seed = parse.GetResult(_seed) is null ? Random.Shared.Next() : parse.GetValue(_seed),
        Partitions = parse.GetValue(_partitions),
        WorkerLogs = parse.GetValue(_workerLogs) is { } logs ? Path.GetFullPath(logs) : null,
    };

    /// <summary><c>worker [--fault-rate F] [--log FILE] [--parent PID]</c>: one worker process (settings from the
    /// environment, as the run starts it); hidden, it is not for people.</summary>
    private static Command WorkerCommand()
    {
        var faultRate = FaultRate();
        var log = new Option<string>("--log") { HelpName = "FILE", Description = "write warnings and errors to FILE" };
        var parent = new Option<int?>("--parent") { HelpName = "PID", Description = "exit when this process is gone (the run that started the worker)" };
        var worker = new Command(WorkerMode.Verb, "Run one worker of a chaos run until it is killed (settings from Dunning__* environment variables).")
        {
            Hidden = true,
        };
        worker.Options.Add(faultRate);
        worker.Options.Add(log);
        worker.Options.Add(parent);
        worker.SetAction((parse, cancellationToken) =>
            WorkerMode.RunAsync(parse.GetValue(faultRate), parse.GetValue(log), parse.GetValue(parent), cancellationToken));
        return worker;
    }

    private static Option<double> FaultRate()
    {
        var option = new Option<double>("--fault-rate")
        {
            HelpName = "F",
            Description = "share of the workers' own storage requests (Dunning's tables, not the task hub's) that fail (half) or lose their response (half)",
            DefaultValueFactory = _ => 0.05,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (>= 0 and < 1))
            {
                result.AddError("--fault-rate: give a share from 0 up to (not including) 1, e.g. --fault-rate 0.05");
            }
        });
        return option;
    }

    private static Option<int> Number(string name, string helpName, string description, int defaultValue, int min, int max = int.MaxValue)
    {
        var option = new Option<int>(name) { HelpName = helpName, Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var value && (value < min || value > max))
            {
                result.AddError(max == int.MaxValue
                    ? $"{name}: give a whole number of at least {min} (got {value})"
                    : $"{name}: give a whole number from {min} to {max} (got {value})");
            }
        });
        return option;
    }
}
