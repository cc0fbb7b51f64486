using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Dunning.Cli;

/// <summary>The library's help, followed by what it cannot know: the exit codes and an example of the command.</summary>
internal sealed class HelpWithExitCodes(HelpAction standard) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exit = standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        output.WriteLine($"  {CliApp.Success} done");
        output.WriteLine($"  {CliApp.Failure} the service refused the import or cannot be reached");
        output.WriteLine($"  {CliApp.UsageError} bad arguments or an invalid policy (messages on stderr)");
        output.WriteLine();
        output.WriteLine("Examples:");
        var command = parseResult.CommandResult.Command.Name;
        if (command is not ImportCommand.Verb)
        {
            output.WriteLine("  dunning simulate --due 2026-11-20 --amount 12000 --currency CNY --tz Asia/Shanghai --pay 2026-11-25:5000");
        }

        if (command is not SimulateCommand.Verb)
        {
            output.WriteLine("  dunning import samples/accounts.csv --key dev-operator-key");
        }

        output.WriteLine();
        return exit;
    }
}
