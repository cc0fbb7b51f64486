namespace Dunning.Workflow.Tests;

/// <summary>Test classes marked [Collection("azurite")] share one Azurite for the whole test run.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
