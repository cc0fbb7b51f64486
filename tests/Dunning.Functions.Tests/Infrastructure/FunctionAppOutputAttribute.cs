namespace Dunning.Functions.Tests;

/// <summary>Where the Function App's build put what the Functions host loads (set by the project file).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class FunctionAppOutputAttribute(string directory) : Attribute
{
    public string Directory { get; } = directory;

    public static string Path =>
        typeof(FunctionAppOutputAttribute).Assembly.GetCustomAttributes(typeof(FunctionAppOutputAttribute), false)
            .Cast<FunctionAppOutputAttribute>().Single().Directory;
}
