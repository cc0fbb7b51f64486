using System.Globalization;
using Spectre.Console;

namespace Dunning.Cli;

/// <summary>What a finished campaign came to: the counts, then every rejected line with what to fix.</summary>
public static class ImportSummary
{
    public static void Write(IAnsiConsole console, CampaignStatus status)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(status);
        var counts = new Table()
            .Border(TableBorder.Rounded)
            .Title(Markup.Escape($"Campaign {status.CampaignId}"))
            .AddColumn(new TableColumn("Total").RightAligned())
            .AddColumn(new TableColumn("Opened").RightAligned())
            .AddColumn(new TableColumn("Duplicates").RightAligned())
            .AddColumn(new TableColumn("Failed").RightAligned());
        counts.AddRow(
            new Text(Number(status.Total)),
            new Text(Number(status.Opened), new Style(Color.Green)),
            new Text(Number(status.Duplicates), new Style(Color.Yellow)),
            new Text(Number(status.Failed), status.Failed > 0 ? new Style(Color.Red) : Style.Plain));
        console.Write(counts);

        var rejected = (status.Errors ?? []).OrderBy(error => error.Line).ToList();
        if (rejected.Count == 0)
        {
            console.WriteLine("No rejected lines.");
            return;
        }

        var lines = new Table()
            .Border(TableBorder.Rounded)
            .Title("Rejected lines")
            .AddColumn(new TableColumn("Line").RightAligned())
            .AddColumn("Detail");
        foreach (var error in rejected)
        {
            lines.AddRow(new Text(Number(error.Line)), new Text(error.Detail));
        }

        console.Write(lines);
        // Rows already opened come back as duplicates, so sending the whole file again is safe.
        console.WriteLine("Fix the rejected lines and import the file again; rows already opened count as duplicates.");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
