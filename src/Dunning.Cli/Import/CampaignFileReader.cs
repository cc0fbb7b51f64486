namespace Dunning.Cli;

/// <summary>Reads the campaign file as bytes, sent as they are: the service reads the encoding and reports every line.
/// A file that cannot be sent is a bad argument, thrown as a <see cref="UsageException"/> saying why.</summary>
public static class CampaignFileReader
{
    public static async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"file '{path}' not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read '{path}': {ex.Message}");
        }

        return bytes.Length > 0 ? bytes : throw new UsageException($"'{path}' is empty; a campaign file starts with the header row");
    }
}
