using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Dunning.Endpoints.SupervisorConsole;

/// <summary>The console's static files, embedded in this assembly (SupervisorConsole/assets, logical names "console/…"), so the
/// local run, the test hosts and the Functions package serve the same bytes whatever the working directory.</summary>
public sealed class ConsoleAssets
{
    private const string Prefix = "console/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, ConsoleAsset> _assets;

    public ConsoleAssets()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        _assets = assembly.GetManifestResourceNames()
            .Select(name => (Name: name.Replace('\\', '/'), Resource: name))
            .Where(r => r.Name.StartsWith(Prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(r => r.Name[Prefix.Length..], r => Load(assembly, r.Resource, r.Name), StringComparer.Ordinal);
    }

    /// <summary>The asset at <paramref name="path"/> (relative to /console/), or null.</summary>
    public ConsoleAsset? Find(string path) => _assets.GetValueOrDefault(path);

    private static ConsoleAsset Load(Assembly assembly, string resource, string name)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var type = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
        return new ConsoleAsset(bytes, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..20]}\"");
    }
}

/// <summary>One static file: its bytes, content type and strong ETag.</summary>
public sealed record ConsoleAsset(byte[] Content, string ContentType, string ETag);
