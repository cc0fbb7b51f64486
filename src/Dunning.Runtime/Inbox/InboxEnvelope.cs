using System.Text.Json;

namespace Dunning.Runtime;

/// <summary>A message on an inbox queue: one command for one case. <see cref="Id"/> is the idempotency marker (the
/// same id is applied once); <see cref="Due"/> is set on timers, which wait invisible until then.
/// <see cref="PriorReceives"/> is how often the queue message had been received before it came to carry this envelope:
/// a processed message may be turned into its case's next timer, and keeps its dequeue count when it is, so attempts at
/// this envelope are counted from there. <see cref="DispatchedThrough"/>, on such a timer, says that the case's outbox
/// rows up to that sequence were all carried out before the message became the timer; they are left for the commit
/// this envelope makes to delete, which saves a transaction per step.</summary>
public sealed record InboxEnvelope(
    string Id, string CaseId, string Type, JsonElement Payload, DateTimeOffset? Due = null, long PriorReceives = 0, long DispatchedThrough = 0)
{
    /// <summary>Attempts at this envelope, from the dequeue count of the message carrying it.</summary>
    public long AttemptsAt(long dequeueCount) => Math.Max(1, dequeueCount - PriorReceives);
}
