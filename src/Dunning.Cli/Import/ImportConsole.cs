using Spectre.Console;

namespace Dunning.Cli;

/// <summary>The console an import writes to. Live (a redrawn progress bar, colours) only on a real terminal; a
/// redirected stdout, a CI log or a test's writer gets plain lines and tables without escape codes.</summary>
public sealed record ImportConsole(IAnsiConsole Console, bool Live)
{
    /// <summary>Wide enough for a rejected line's detail; used when the output is not a terminal that reports its width.</summary>
    private const int RedirectedWidth = 160;

    public static ImportConsole For(TextWriter writer)
    {
        var output = new AnsiConsoleOutput(writer);
        var terminal = ReferenceEquals(writer, System.Console.Out) && output.IsTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        // Spectre turns interaction off by itself in known CI environments; there a redrawn bar would only litter the log.
        return new ImportConsole(console, terminal && console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi);
    }
}
