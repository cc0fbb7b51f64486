namespace Dunning.Runtime;

/// <summary>Every table and queue the runtime uses, named from one prefix.</summary>
public sealed class StorageNames(string prefix, int queueCount)
{
    public string Cases { get; } = Table(prefix, "Cases");
    public string CaseIndex { get; } = Table(prefix, "CaseIndex");
    public string Payments { get; } = Table(prefix, "Payments");
    public string UnmatchedPayments { get; } = Table(prefix, "Unmatched");
    public string Campaigns { get; } = Table(prefix, "Campaigns");
    public string Dispatched { get; } = Table(prefix, "Dispatched");
    public string PoisonQueue { get; } = $"{prefix.ToLowerInvariant()}-poison";

    public IReadOnlyList<string> InboxQueues { get; } =
        Enumerable.Range(0, queueCount).Select(i => $"{prefix.ToLowerInvariant()}-inbox-{i}").ToList();

    public IEnumerable<string> Tables => [Cases, CaseIndex, Payments, UnmatchedPayments, Campaigns, Dispatched];

    /// <summary>Table names allow letters and digits only.</summary>
    private static string Table(string prefix, string name) =>
        new string(prefix.Where(char.IsLetterOrDigit).ToArray()) + name;
}
