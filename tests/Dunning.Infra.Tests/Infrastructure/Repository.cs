namespace Dunning.Infra.Tests.Infrastructure;

/// <summary>The repository the tests run from: the folder above the test binaries that holds infra/main.bicep.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "infra", "main.bicep")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No infra/main.bicep above {AppContext.BaseDirectory}.");
    }
}
