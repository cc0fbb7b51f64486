using Azure;
using Dunning.Domain;

namespace Dunning.Runtime;

/// <summary>A case partition as one query read it: state (null before opening), its ETag, the sequences used so far,
/// the pending outbox, and whether the message being processed was already applied.</summary>
public sealed record LoadedCase(
    string CaseId,
    CaseState? State,
    ETag? ETag,
    long HistorySeq,
    long OutboxSeq,
    IReadOnlyList<OutboxRow> Outbox,
    bool MarkerExists,
    bool Flagged);
