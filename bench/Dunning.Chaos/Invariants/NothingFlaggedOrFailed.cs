using Dunning.Runtime;

namespace Dunning.Chaos;

/// <summary>No message gave up: the poison queue is empty (a poisoned message would have stranded its case).</summary>
public static class NothingPoisoned
{
    public const string Name = "no message poisoned";

    public static async Task<InvariantResult> CheckAsync(StorageClients storage, CancellationToken cancellationToken = default)
    {
        var poisoned = (await storage.Poison.PeekMessagesAsync(32, cancellationToken).ConfigureAwait(false)).Value;
        return InvariantResult.Of(Name, poisoned.Select(m => m.Body.ToString()[..Math.Min(200, m.Body.ToString().Length)]).ToList(), "the poison queue is empty");
    }
}
