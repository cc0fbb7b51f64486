using System.Globalization;
using System.Text;
using Dunning.Channels.Storage.LocalEmulator;

namespace Dunning.Workflow.Tests;

/// <summary>
/// One real Azurite on free loopback ports for the tests of a collection, or the storage named by
/// DUNNING_TEST_STORAGE when that is set (then nothing is started or stopped).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string StorageVariable = "DUNNING_TEST_STORAGE";

    // Table and queue names may be at most 63 characters; the random suffix takes 16 of them.
    private const int MaxNameLength = 63;
    private const int SuffixLength = 16;

    private AzuriteLauncher? launcher;
    private string? connectionString;

    /// <summary>Connection string of the storage the tests use; set once InitializeAsync has run.</summary>
    public string ConnectionString =>
        connectionString ?? throw new InvalidOperationException("AzuriteFixture has not been initialised.");

    public async Task InitializeAsync()
    {
        var existing = Environment.GetEnvironmentVariable(StorageVariable);
        if (!string.IsNullOrWhiteSpace(existing))
        {
            connectionString = existing;
            return;
        }

        var toolDirectory = AzuriteLauncher.FindToolDirectory(AppContext.BaseDirectory);
        launcher = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(toolDirectory));
        connectionString = launcher.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (launcher is not null)
        {
            await launcher.DisposeAsync();
        }
    }

    /// <summary>
    /// A name no other test (nor an earlier run against a shared DUNNING_TEST_STORAGE) uses, valid both as a
    /// queue name (lowercase letters and digits) and as a table name (letters and digits, starting with a letter).
    /// </summary>
    public string UniqueName(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var name = new StringBuilder(MaxNameLength);
        foreach (var character in prefix.ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(character) || (char.IsAsciiDigit(character) && name.Length > 0))
            {
                name.Append(character);
            }
        }

        if (name.Length == 0)
        {
            name.Append('t');
        }

        name.Length = Math.Min(name.Length, MaxNameLength - SuffixLength);
        var suffix = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..SuffixLength];
        return name.Append(suffix).ToString();
    }
}
