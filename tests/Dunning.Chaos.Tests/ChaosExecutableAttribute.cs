namespace Dunning.Chaos.Tests;

/// <summary>Where the build put the chaos executable this test project references (set by the project file, so the test
/// runs the one built with it, in the same configuration).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ChaosExecutableAttribute(string path) : Attribute
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);
}
