using System.Collections.Concurrent;
using Dunning.Domain;

namespace Dunning.Channels.Tests;

/// <summary>Stands in for the workflow's case store where only the channels are under test: a case's state and history
/// as <see cref="CaseLife"/> decided them.</summary>
public sealed class InMemoryCaseRecords : ICaseRecords
{
    private readonly ConcurrentDictionary<string, (CaseState State, IReadOnlyList<HistoryRecord> History)> _cases = new();

    public void Store(CaseState state, IReadOnlyList<CaseEvent> history) =>
        _cases[state.CaseId] = (state, history.Select((e, i) => new HistoryRecord(i + 1, e)).ToList());

    public Task<CaseState?> GetStateAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_cases.TryGetValue(caseId, out var c) ? c.State : null);

    public Task<IReadOnlyList<HistoryRecord>> ReadHistoryAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_cases.TryGetValue(caseId, out var c) ? c.History : (IReadOnlyList<HistoryRecord>)[]);
}
