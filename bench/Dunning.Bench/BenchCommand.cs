using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Dunning.Bench;

/// <summary>The benchmark's command line, read by System.CommandLine, with the option names it always had. A bad value
/// names the option and exits 2.</summary>
public sealed class BenchCommand : RootCommand
{
    public const int UsageError = 2;

    /// <summary>The phases those options drove, for the note that says they are not measured.</summary>
    public const string DroppedPhases = "ceiling, throughput and cost";

    private readonly Option<int> _timerCases = Whole("--timer-cases", "M", "cases of the timer-accuracy phase", 100, min: 1);
    private readonly Option<double> _timerSpeed = Positive("--timer-speed", "S", "business clock speed of the timer-accuracy phase (86400: a day per second)", 86_400);
    private readonly Option<int> _idleSeconds = Whole("--idle-seconds", "I", "idle-cost window, in seconds", 40, min: 1);
    private readonly Option<IReadOnlyList<int>> _scale = new("--scale")
    {
        HelpName = "A,B",
        Description = "open-case counts of the scale phase, ascending (none skips it; see the README before going past 20000)",
        CustomParser = ParseScale,
        DefaultValueFactory = _ => [10_000, 20_000],
    };

    private readonly Option<int> _scaleOpens = Whole("--scale-opens", "O", "cases the service itself opens over HTTP at each scale point", 500, min: 0);
    private readonly Option<string> _api = new("--api")
    {
        HelpName = "PATH",
        Description = "a built Dunning.Api.dll to run as the service (default: found under src/Dunning.Api/bin/Release, else Debug)",
    };

    private readonly Option<bool> _noApi = new("--no-api") { Description = "skip the scale phase (it needs the service; there is no stand-in on the new engine)" };
    private readonly Option<string> _out = new("--out") { HelpName = "PATH", Description = "where to write the JSON figures (default bench/results/latest.json)" };

    // The old engine's ceiling, throughput and cost phases: not measured until the benchmark issue retargets them.
    private readonly Option<int> _cases = Dropped<int>("--cases", "N", "cases the throughput phase may open");
    private readonly Option<double> _speed = Dropped<double>("--speed", "S", "business clock speed of the throughput phase");
    private readonly Option<int> _warmup = Dropped<int>("--warmup", "W", "warm-up before the ceiling and throughput windows");
    private readonly Option<int> _seconds = Dropped<int>("--seconds", "T", "measured window of the ceiling and throughput phases");
    private readonly Option<int> _concurrency = Dropped<int>("--concurrency", "K", "parallel cases of the ceiling probe");

    public BenchCommand()
        : base("The Dunning benchmark on the Durable engine: timer accuracy, the idle cost of a host, and the service at scale (first page, "
            + $"peak memory); writes bench/results/latest.json. The {DroppedPhases} phases of the old engine are not measured until the "
            + "benchmark issue; their options are read and ignored.")
    {
        foreach (var option in (Option[])[_timerCases, _timerSpeed, _idleSeconds, _scale, _scaleOpens, _api, _noApi, _out,
                     _cases, _speed, _warmup, _seconds, _concurrency])
        {
            Options.Add(option);
        }

        SetAction((parse, cancellationToken) => BenchRun.RunAsync(ToOptions(parse), parse.Tokens.Select(t => t.Value).ToList(), cancellationToken));
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var parse = new BenchCommand().Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"bench: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run 'dotnet run -c Release --project bench/Dunning.Bench -- --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancellationToken).ConfigureAwait(false);
    }

    public BenchOptions ToOptions(ParseResult parse) => new()
    {
        TimerCases = parse.GetValue(_timerCases),
        TimerSpeed = parse.GetValue(_timerSpeed),
        IdleSeconds = parse.GetValue(_idleSeconds),
        ScaleSizes = parse.GetValue(_scale) ?? [],
        ScaleOpens = parse.GetValue(_scaleOpens),
        ApiPath = parse.GetValue(_api) is { } api ? Path.GetFullPath(api) : null,
        NoApi = parse.GetValue(_noApi),
        Output = parse.GetValue(_out) is { } output ? Path.GetFullPath(output) : null,
        Ignored = ((Option[])[_cases, _speed, _warmup, _seconds, _concurrency]).Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList(),
    };

    private static IReadOnlyList<int> ParseScale(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (text == "none")
        {
            return [];
        }

        var sizes = new List<int>();
        foreach (var part in text.Split(','))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                result.AddError($"--scale: '{text}' is not a list of positive whole numbers, e.g. --scale 10000,20000 (or none)");
                return [];
            }

            sizes.Add(size);
        }

        return sizes.Order().ToList();
    }

    private static Option<int> Whole(string name, string helpName, string description, int defaultValue, int min)
    {
        var option = new Option<int>(name) { HelpName = helpName, Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < min)
            {
                result.AddError($"{name}: give a whole number of at least {min} (got {result.GetValueOrDefault<int>()})");
            }
        });
        return option;
    }

    private static Option<double> Positive(string name, string helpName, string description, double defaultValue)
    {
        var option = new Option<double>(name) { HelpName = helpName, Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var value && !(value > 0 && double.IsFinite(value)))
            {
                result.AddError($"{name}: give a positive number (got {value})");
            }
        });
        return option;
    }

    private static Option<T> Dropped<T>(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = $"{description}: not measured until the benchmark issue; ignored" };
}
