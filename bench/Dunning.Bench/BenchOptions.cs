using System.Globalization;
using Dunning.Runtime;

namespace Dunning.Bench;

/// <summary>What one benchmark run measures and for how long. The defaults fit a 2-core machine in under 10 minutes, and
/// put every timed window of the ceiling, throughput and timer phases inside the first minute of its own Azurite, before
/// Azurite's first sweep of old queue-message bodies (see <see cref="AzuriteStallMonitor"/> and bench/README.md).</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        dotnet run -c Release --project bench/Dunning.Bench -- [options]
          --cases N            cases the throughput phase may open (default 10000)
          --speed S            virtual clock speed of the throughput phase (default 172800: two days per second)
          --seconds T          measured window of the ceiling and throughput phases, in seconds (default 36)
          --warmup W           seconds before each window, until the ladder is in flight (default 18)
          --concurrency K      parallel cases, as the processor's MaxParallelCases (default 16)
          --timer-cases M      cases of the timer-accuracy phase (default 100)
          --timer-speed S      virtual clock speed of the timer-accuracy phase (default 86400)
          --idle-seconds I     idle-cost window (default 40)
          --scale A,B          open-case counts of the scale phase (default 10000,20000; see README); none skips it
          --scale-opens O      cases the service itself opens at each scale point (default 500)
          --api PATH           a built Dunning.Api.dll to use as the service (default: found under src/Dunning.Api/bin/Release)
          --no-api             use the runtime-only stand-in service even if a built API is found
          --out PATH           where to write the JSON figures (default bench/results/latest.json)
        """;

    public int Cases { get; init; } = 10_000;
    public double Speed { get; init; } = 172_800;
    public int Seconds { get; init; } = 36;
    public int WarmupSeconds { get; init; } = 18;
    public int Concurrency { get; init; } = new RuntimeOptions().MaxParallelCases;
    public int TimerCases { get; init; } = 100;
    public double TimerSpeed { get; init; } = 86_400;
    public int IdleSeconds { get; init; } = 40;
    public IReadOnlyList<int> ScaleSizes { get; init; } = [10_000, 20_000];
    public int ScaleOpens { get; init; } = 500;
    public string? ApiPath { get; init; }
    public bool NoApi { get; init; }
    public string? Output { get; init; }

    public static bool TryParse(string[] args, out BenchOptions options, out string? error)
    {
        options = new BenchOptions();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--no-api")
            {
                options = options with { NoApi = true };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value.";
                return false;
            }

            var value = args[++i];
            try
            {
                options = name switch
                {
                    "--cases" => options with { Cases = Positive(value) },
                    "--speed" => options with { Speed = PositiveNumber(value) },
                    "--seconds" => options with { Seconds = Positive(value) },
                    "--warmup" => options with { WarmupSeconds = NonNegative(value) },
                    "--concurrency" => options with { Concurrency = Positive(value) },
                    "--timer-cases" => options with { TimerCases = Positive(value) },
                    "--timer-speed" => options with { TimerSpeed = PositiveNumber(value) },
                    "--idle-seconds" => options with { IdleSeconds = Positive(value) },
                    "--scale" => options with { ScaleSizes = value == "none" ? [] : value.Split(',').Select(Positive).Order().ToList() },
                    "--scale-opens" => options with { ScaleOpens = NonNegative(value) },
                    "--api" => options with { ApiPath = Path.GetFullPath(value) },
                    "--out" => options with { Output = Path.GetFullPath(value) },
                    _ => throw new FormatException($"Unknown option {name}."),
                };
            }
            catch (FormatException ex)
            {
                error = $"{name} {value}: {ex.Message}";
                return false;
            }
        }

        return true;
    }

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException("expected a positive whole number.");

    private static int NonNegative(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new FormatException("expected a whole number >= 0.");

    private static double PositiveNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 && double.IsFinite(n) ? n : throw new FormatException("expected a positive number.");
}
