using Dunning.Domain;

namespace Dunning.Channels.Work;

/// <summary>What collectors and supervisors do with work items: list, assign, and complete with an outcome that goes
/// to the case as a command. The HTTP endpoints only map requests and results; the rules live here.</summary>
public sealed partial class FieldWork(WorkStore store, ICaseCommands commands, TimeProvider clock)
{
    public const int MaxNotesLength = 2000;
    public const int MaxNameLength = 100;

    /// <summary>Items of <paramref name="kind"/>, of <paramref name="status"/> when given (a status name, any case).</summary>
    public async Task<(IReadOnlyList<WorkItem>? Items, IReadOnlyDictionary<string, string[]>? Errors)> ListAsync(
        WorkItemKind kind, string? status, CancellationToken cancellationToken = default)
    {
        WorkItemStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!TryParseName<WorkItemStatus>(status, out var parsed))
            {
                return (null, Errors("status", $"Use one of {string.Join(", ", Enum.GetNames<WorkItemStatus>())}, or leave it out for all."));
            }

            wanted = parsed;
        }

        return (await store.ListAsync(kind, wanted, cancellationToken).ConfigureAwait(false), null);
    }

    public Task<WorkItem?> GetAsync(WorkItemKind kind, string id, CancellationToken cancellationToken = default) =>
        store.GetAsync(kind, id, cancellationToken);

    /// <summary>Assigns an open item to a collector and/or a region (the given ones replace the current ones).</summary>
    public async Task<WorkResult> AssignAsync(WorkItemKind kind, string id, AssignmentRequest request, CancellationToken cancellationToken = default)
    {
        var collector = request.Collector?.Trim();
        var region = request.Region?.Trim();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(collector) && string.IsNullOrEmpty(region))
        {
            errors["collector"] = ["Give a collector, a region, or both."];
        }

        CheckLength(errors, "collector", collector);
        CheckLength(errors, "region", region);
        if (await store.GetAsync(kind, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return WorkResult.NotFound;
        }

        if (errors.Count > 0)
        {
            return WorkResult.Invalid(errors);
        }

        WorkItem? closed = null;
        var updated = await store.UpdateAsync(kind, id, item =>
        {
            closed = item.IsOpen ? null : item;
            return item.IsOpen
                ? item with
                {
                    AssignedCollector = string.IsNullOrEmpty(collector) ? item.AssignedCollector : collector,
                    AssignedRegion = string.IsNullOrEmpty(region) ? item.AssignedRegion : region,
                }
                : null;
        }, cancellationToken).ConfigureAwait(false);
        if (updated is null)
        {
            return WorkResult.NotFound;
        }

        return closed is not null
            ? WorkResult.Conflict(closed, $"The {kind.ToString().ToLowerInvariant()} is {closed.Status.ToString().ToLowerInvariant()}; only open work can be assigned.")
            : new WorkResult(WorkResultKind.Ok, updated);
    }

    private static void CheckLength(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is { Length: > MaxNameLength })
        {
            errors[field] = [$"Use at most {MaxNameLength} characters."];
        }
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };

    /// <summary>Enum names only (any case); numbers, which Enum.TryParse would take, are refused.</summary>
    private static bool TryParseName<T>(string text, out T value) where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }
}
