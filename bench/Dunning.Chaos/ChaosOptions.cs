using System.Globalization;

namespace Dunning.Chaos;

/// <summary>How big and how long a chaos run is.</summary>
public sealed record ChaosOptions
{
    public const string Usage = """
        dotnet run --project bench/Dunning.Chaos -- [options]
          --cases N        cases opened at the start (default 1000)
          --seconds T      seconds of chaos: kills, faults, payments and supervisor actions (default 300)
          --workers W      worker processes (default 3)
          --fault-rate F   share of storage requests that fail or lose their response (default 0.05)
          --kill-every S   mean seconds between two kills (default 5)
          --seed N         seed of the random traffic and kills (default: random)
        """;

    public int Cases { get; init; } = 1000;
    public int Seconds { get; init; } = 300;
    public int Workers { get; init; } = 3;
    public double FaultRate { get; init; } = 0.05;
    public double KillEvery { get; init; } = 5;
    public int Seed { get; init; } = Random.Shared.Next();

    public static bool TryParse(string[] args, out ChaosOptions options, out string? error)
    {
        options = new ChaosOptions();
        error = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                error = $"{args[i]} needs a value.";
                return false;
            }

            var (name, value) = (args[i], args[i + 1]);
            var number = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : double.NaN;
            options = name switch
            {
                "--cases" when number >= 1 => options with { Cases = (int)number },
                "--seconds" when number >= 10 => options with { Seconds = (int)number },
                "--workers" when number >= 1 => options with { Workers = (int)number },
                "--fault-rate" when number is >= 0 and < 1 => options with { FaultRate = number },
                "--kill-every" when number > 0 => options with { KillEvery = number },
                "--seed" when !double.IsNaN(number) => options with { Seed = (int)number },
                _ => null!,
            };
            if (options is null)
            {
                error = $"{name} {value}: not a known option with a valid value.";
                options = new ChaosOptions();
                return false;
            }
        }

        return true;
    }
}
