namespace Dunning.Cli.Tests;

/// <summary>Runs the tool's entry point in-process against a fake (or no) service, with captured writers, no
/// environment variables unless given, and no delay between polls.</summary>
internal sealed record ImportRun(int ExitCode, string Stdout, string Stderr)
{
    public static Task<ImportRun> OfAsync(HttpMessageHandler? service, params string[] args) =>
        OfAsync(service, new Dictionary<string, string>(), CancellationToken.None, args);

    public static async Task<ImportRun> OfAsync(HttpMessageHandler? service, IReadOnlyDictionary<string, string> variables,
        CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new ImportEnvironment(name => variables.GetValueOrDefault(name), service, TimeSpan.Zero);
        var exit = await CliApp.RunAsync(args, stdout, stderr, environment, cancellationToken);
        return new ImportRun(exit, stdout.ToString(), stderr.ToString());
    }
}
