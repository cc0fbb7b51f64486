using Dunning.Domain;

namespace Dunning.Workflow;

/// <summary>A command as its case's command log holds it, not yet applied: its id (the business key), the command,
/// when it was recorded (business time, the order commands are applied in), the ETag of its row, which the commit
/// that applies it checks, the ETag of its pending row when known, so the commit removes that row in one request, and the
/// trace it was recorded in (W3C traceparent), which its commit and effects continue.</summary>
public sealed record RecordedCommand(string Id, CaseCommand Command, DateTimeOffset RecordedAt, string ETag, string? PendingETag = null, string? TraceParent = null);
