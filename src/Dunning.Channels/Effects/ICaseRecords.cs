using Dunning.Domain;

namespace Dunning.Channels;

/// <summary>Read access to a case as committed: its state snapshot and its full history (the legal dossier needs both).</summary>
public interface ICaseRecords
{
    Task<CaseState?> GetStateAsync(string caseId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<HistoryRecord>> ReadHistoryAsync(string caseId, CancellationToken cancellationToken = default);
}

/// <summary>One history row: its sequence in the case (the case's version after it) and the event.</summary>
public sealed record HistoryRecord(long Seq, CaseEvent Event);
