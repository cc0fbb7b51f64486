namespace Dunning.Channels.Storage;

/// <summary>The storage services Dunning talks to.</summary>
public enum StorageService
{
    Table,
    Queue,
    Blob,
}
