namespace Dunning.Cli;

/// <summary>Reads <c>dunning simulate --due ... --amount ...</c> into a request. Hand-written: the grammar is a verb
/// and a flat set of options (<c>--name value</c> or <c>--name=value</c>), some repeatable. Every mistake throws a
/// <see cref="UsageException"/> naming the option and the expected form. <c>dunning import</c> is read by
/// <see cref="ImportCommandLine"/>.</summary>
public static partial class CommandLine
{
    public const string Verb = "simulate";

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "json", "verbose" };

    private static readonly HashSet<string> Single = new(StringComparer.Ordinal)
    {
        "due", "amount", "currency", "tz", "policy", "open", "phone", "email", "address", "days",
    };

    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal) { "pay", "promise", "classify", "pause" };

    public static CliRequest Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(arg => arg is "--help" or "-h" or "-?") || args is ["help", ..])
        {
            return new HelpRequest();
        }

        if (args.Count == 0)
        {
            throw new UsageException($"no command given; the commands are '{Verb}' and '{ImportCommandLine.Verb}'");
        }

        if (args[0] == ImportCommandLine.Verb)
        {
            return ImportCommandLine.Parse(args.Skip(1).ToList());
        }

        if (args[0] != Verb)
        {
            throw new UsageException($"unknown command '{args[0]}'; the commands are '{Verb}' and '{ImportCommandLine.Verb}'");
        }

        var options = ReadOptions(args.Skip(1).ToList());
        return Interpret(options);
    }

    /// <summary>Option name (without dashes) to the values given, in order.</summary>
    private static Dictionary<string, List<string>> ReadOptions(List<string> args)
    {
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"unexpected argument '{arg}'; options start with '--'");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            string value;
            if (Flags.Contains(name))
            {
                if (equals >= 0)
                {
                    throw new UsageException($"--{name} is a switch and takes no value");
                }

                value = "";
            }
            else if (Single.Contains(name) || Repeatable.Contains(name))
            {
                if (equals >= 0)
                {
                    value = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = args[++i];
                }
                else
                {
                    throw new UsageException($"--{name} needs a value, e.g. {Example(name)}");
                }
            }
            else
            {
                throw new UsageException($"unknown option '--{name}'");
            }

            if (!options.TryGetValue(name, out var values))
            {
                options[name] = values = [];
            }
            else if (!Repeatable.Contains(name))
            {
                throw new UsageException($"--{name} is given more than once");
            }

            values.Add(value);
        }

        return options;
    }

    private static string Example(string option) => option switch
    {
        "due" => "--due 2026-11-20",
        "open" => "--open 2026-11-10",
        "amount" => "--amount 12000",
        "currency" => "--currency CNY",
        "tz" => "--tz Asia/Shanghai",
        "pay" => "--pay 2026-11-25:5000",
        "promise" => "--promise 2026-11-24:3000@2026-11-28",
        "classify" => "--classify UnwillingAble@2026-11-22",
        "pause" => "--pause 2026-11-23..2026-11-26",
        "days" => "--days 60",
        "policy" => "--policy policy.json",
        "phone" => "--phone +8613800138000",
        "email" => "--email li.wei@example.com",
        _ => $"--{option} \"88 Century Ave, Pudong, Shanghai\"",
    };
}
