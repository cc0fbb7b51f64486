namespace Dunning.Cli.Tests;

/// <summary>Runs the tool's entry point in-process with captured writers.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static readonly string[] IssueExample =
        ["simulate", "--due", "2026-11-20", "--amount", "12000", "--currency", "CNY", "--tz", "Asia/Shanghai"];

    public static CliRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public static CliRun Example(params string[] extra) => Of([.. IssueExample, .. extra]);
}
