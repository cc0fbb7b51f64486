using System.CommandLine;
using System.CommandLine.Help;

namespace Dunning.Cli;

/// <summary>The whole command line of <c>dunning</c>, read by System.CommandLine: <c>simulate</c>, <c>import</c>, and
/// what the library brings (<c>--help</c> on every command, <c>--version</c>, the <c>[suggest]</c> directive that
/// shell completion calls). <c>dunning help [COMMAND]</c> is kept as another way to ask for help.</summary>
internal sealed class DunningCommand : RootCommand
{
    public const string ToolName = "dunning";

    public DunningCommand(ImportEnvironment environment)
        : base("dunning: dry-run an escalation policy on one made-up case, on a virtual clock, with no storage; "
            + "import a campaign of cases into the running service.")
    {
        HelpName = ToolName;
        Subcommands.Add(new SimulateCommand());
        Subcommands.Add(new ImportCommand(environment));
        Subcommands.Add(HelpVerb());
        if (Options.OfType<HelpOption>().SingleOrDefault() is { Action: HelpAction standard } help)
        {
            help.Action = new HelpWithExitCodes(standard);
        }
    }

    /// <summary>Hidden: the old <c>dunning help</c>, answered as <c>dunning [COMMAND] --help</c>.</summary>
    private Command HelpVerb()
    {
        var topic = new Argument<string?>("COMMAND") { Arity = ArgumentArity.ZeroOrOne };
        topic.AcceptOnlyFromAmong(SimulateCommand.Verb, ImportCommand.Verb);
        var verb = new Command("help", "Show help and usage information") { Hidden = true };
        verb.Arguments.Add(topic);
        verb.SetAction(parse => Parse(parse.GetValue(topic) is { } command ? [command, "--help"] : ["--help"])
            .Invoke(parse.InvocationConfiguration));
        return verb;
    }
}
