namespace Dunning.Channels.Hosting;

/// <summary>The tables, container and queue the channels use, named from the storage prefix.</summary>
public sealed class ChannelStorageNames(string prefix)
{
    private readonly string _tablePrefix = new(prefix.Where(char.IsLetterOrDigit).ToArray());
    private readonly string _lowerPrefix = prefix.ToLowerInvariant();

    /// <summary>Call tasks and field visits.</summary>
    public string WorkItems => _tablePrefix + "WorkItems";

    /// <summary>One row per letter put on the print queue, so a repeated notice effect queues it once.</summary>
    public string PrintMarkers => _tablePrefix + "PrintMarkers";

    /// <summary>Blob container of rendered notices, supervisor reports and legal dossiers.</summary>
    public string Documents => _lowerPrefix + "-documents";

    /// <summary>Queue of letters waiting for postal dispatch.</summary>
    public string PrintQueue => _lowerPrefix + "-print";
}
