namespace Dunning.Domain.Tests;

/// <summary>The catalog resolves pinned (id, version) pairs and never lets a published version change.</summary>
public sealed class PolicyCatalogTests
{
    private static EscalationPolicy Version(string id, int version) =>
        PolicyCatalog.Default.Find("default", 1)! with { Id = id, Version = version };

    [Fact]
    public void Default_HoldsOnlyTheEmbeddedDefault()
    {
        var only = Assert.Single(PolicyCatalog.Default.All);

        Assert.Equal(("default", 1), (only.Id, only.Version));
        Assert.Same(only, PolicyCatalog.Default.Latest("default"));
    }

    [Fact]
    public void Find_ReturnsNull_ForAnUnknownIdOrVersion()
    {
        Assert.Null(PolicyCatalog.Default.Find("default", 2));
        Assert.Null(PolicyCatalog.Default.Find("retail", 1));
        Assert.Null(PolicyCatalog.Default.Latest("retail"));
    }

    [Fact]
    public void With_AddsAVersion_AndLatestPicksTheHighest()
    {
        var second = Version("default", 2);
        var third = Version("default", 3);

        var catalog = PolicyCatalog.Default.With(third).With(second);

        Assert.Same(third, catalog.Latest("default"));
        Assert.Same(second, catalog.Find("default", 2));
        Assert.Equal(1, catalog.Find("default", 1)!.Version);
        Assert.Equal([1, 2, 3], catalog.All.Select(policy => policy.Version));
    }

    [Fact]
    public void With_LeavesTheOriginalCatalogUnchanged()
    {
        _ = PolicyCatalog.Default.With(Version("retail", 1));

        Assert.Single(PolicyCatalog.Default.All);
        Assert.Null(PolicyCatalog.Default.Find("retail", 1));
    }

    [Fact]
    public void All_IsOrderedByIdThenVersion()
    {
        var catalog = PolicyCatalog.Default.With(Version("retail", 2)).With(Version("auto", 1)).With(Version("retail", 1));

        Assert.Equal(
            [("auto", 1), ("default", 1), ("retail", 1), ("retail", 2)],
            catalog.All.Select(policy => (policy.Id, policy.Version)));
    }

    [Fact]
    public void With_RefusesToReplaceAPublishedVersion()
    {
        var changed = Version("default", 1) with { Steps = [] };

        var error = Assert.Throws<ArgumentException>(() => PolicyCatalog.Default.With(changed));

        Assert.Contains("publish a new version", error.Message, StringComparison.Ordinal);
    }
}
