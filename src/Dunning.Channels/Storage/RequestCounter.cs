using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Dunning.Channels.Storage;

/// <summary>Counts every storage request by operation (e.g. "table:transaction", "queue:receive"), per retry, so
/// the benchmark can report requests per case event.</summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    public long Total => _counts.Values.Sum();

    public void Reset() => _counts.Clear();

    /// <summary>A pipeline policy counting the requests of one service's clients.</summary>
    public HttpPipelinePolicy PolicyFor(StorageService service) => new CountingPolicy(this, service);

    private void Count(StorageService service, Request request) =>
        _counts.AddOrUpdate(StorageOperation.Of(service, request), 1, (_, n) => n + 1);

    private sealed class CountingPolicy(RequestCounter counter, StorageService service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(service, message.Request);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(service, message.Request);
            return ProcessNextAsync(message, pipeline);
        }
    }
}
