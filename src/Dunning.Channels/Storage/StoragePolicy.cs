using Azure.Core.Pipeline;

namespace Dunning.Channels.Storage;

/// <summary>A pipeline policy added to every storage client, told which service each client speaks to.</summary>
public abstract class StoragePolicy
{
    public abstract HttpPipelinePolicy For(StorageService service);
}
