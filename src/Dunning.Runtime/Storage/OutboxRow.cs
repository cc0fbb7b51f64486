using Azure;

namespace Dunning.Runtime;

/// <summary>An effect committed with its decision and not yet dispatched. <see cref="Kind"/> is the effect's name,
/// or <see cref="ProjectionKind"/> for a read-model update.</summary>
public sealed record OutboxRow(long Seq, string Kind, string Json, ETag ETag)
{
    public const string ProjectionKind = "Projection";
}
