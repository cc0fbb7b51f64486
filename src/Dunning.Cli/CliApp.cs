using Dunning.Domain;

namespace Dunning.Cli;

/// <summary>The whole tool behind one method: parse, then simulate (load the policy, simulate, render) or import.
/// Tests call it with their own writers; the process calls it with the console's.</summary>
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
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        CliRequest request;
        try
        {
            request = CommandLine.Parse(args);
        }
        catch (UsageException bad)
        {
            stderr.WriteLine($"dunning: {bad.Message}");
            stderr.WriteLine("Run 'dunning --help' for usage.");
            return UsageError;
        }

        switch (request)
        {
            case SimulateRequest simulate:
                return Simulate(simulate, stdout, stderr);
            case ImportRequest import:
                return await CampaignImport.RunAsync(import, environment, stdout, stderr, cancellationToken);
            default:
                stdout.WriteLine(HelpText.Usage);
                return Success;
        }
    }

    private static int Simulate(SimulateRequest request, TextWriter stdout, TextWriter stderr)
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
