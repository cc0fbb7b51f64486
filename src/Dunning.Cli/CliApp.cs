using System.CommandLine;
using System.CommandLine.Invocation;
using Dunning.Domain;

namespace Dunning.Cli;

/// <summary>The whole tool behind one method: parse (System.CommandLine, see <see cref="DunningCommand"/>), then
/// simulate (load the policy, simulate, render), import, or show help or the version. Tests call it with their own
/// writers; the process calls it with the console's.</summary>
public static class CliApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, ImportEnvironment.Process).GetAwaiter().GetResult();

    /// <summary>The same, with what an import needs from outside (the process's, or a test's fake service).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, ImportEnvironment environment,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var parse = new DunningCommand(environment).Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            // Every mistake, each on its own line, and where to read the usage; not the whole help, which hides them.
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"{DunningCommand.ToolName}: {error.Message}");
            }

            var command = parse.CommandResult.Command is RootCommand ? "" : $" {parse.CommandResult.Command.Name}";
            stderr.WriteLine($"Run '{DunningCommand.ToolName}{command} --help' for usage.");
            return UsageError;
        }

        // No termination handling of the library's: Program's Ctrl-C handler cancels the token (a second press ends the process).
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    internal static int Simulate(SimulateRequest request, TextWriter stdout, TextWriter stderr)
    {
        if (PolicyFile.Load(request.PolicyPath, stderr) is not { } policy)
        {
            return UsageError;
        }

        if (PolicySimulation.Problems(request.Script, policy) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine($"dunning: {problem}");
            }

            return UsageError;
        }

        var result = PolicySimulation.Run(request.Script, policy);
        if (result.FinalState is null)
        {
            // The decider judges the case as it would in production; a refused opening is a bad argument here.
            var why = result.Events.OfType<CommandRejected>().Select(rejected => rejected.Why).FirstOrDefault() ?? result.StoppedBecause;
            stderr.WriteLine($"dunning: the case cannot be opened: {why}");
            return UsageError;
        }

        if (request.Json)
        {
            TimelineJson.Write(result, request.Verbose, stdout);
        }
        else
        {
            TimelineTable.Write(result, policy, request.Verbose, stdout);
        }

        return Success;
    }
}
