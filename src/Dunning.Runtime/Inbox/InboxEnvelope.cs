using System.Text.Json;

namespace Dunning.Runtime;

/// <summary>A message on an inbox queue: one command for one case. <see cref="Id"/> is the idempotency marker (the
/// same id is applied once); <see cref="Due"/> is set on timers, which wait invisible until then.</summary>
public sealed record InboxEnvelope(string Id, string CaseId, string Type, JsonElement Payload, DateTimeOffset? Due = null);
