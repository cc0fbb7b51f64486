namespace Dunning.Cli;

/// <summary>Reads <c>dunning import FILE [--api URL] [--key KEY]</c> (options also as <c>--name=value</c>, in any
/// order around the file). Every mistake throws a <see cref="UsageException"/> naming what to fix.</summary>
public static class ImportCommandLine
{
    public const string Verb = "import";
    public const string DefaultApi = "http://127.0.0.1:7071";
    public const string CsvMediaType = "text/csv";
    public const string JsonMediaType = "application/json";

    /// <summary>Reads the arguments after the verb.</summary>
    public static ImportRequest Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? file = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                file = file is null ? arg : throw new UsageException($"unexpected argument '{arg}'; import takes one file");
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            if (name is not ("api" or "key"))
            {
                throw new UsageException($"unknown option '--{name}' for import; its options are --api and --key");
            }

            var value = equals >= 0 ? arg[(equals + 1)..]
                : i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i]
                : throw new UsageException($"--{name} needs a value, e.g. {Example(name)}");
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new UsageException($"--{name} is empty; give a value, e.g. {Example(name)}");
            }

            if (!options.TryAdd(name, value))
            {
                throw new UsageException($"--{name} is given more than once");
            }
        }

        if (file is null)
        {
            throw new UsageException("import needs the campaign file, e.g. dunning import samples/accounts.csv");
        }

        return new ImportRequest(file, MediaTypeOf(file), ParseApi(options.GetValueOrDefault("api", DefaultApi)), options.GetValueOrDefault("key"));
    }

    /// <summary>The service reads CSV (with the header row) or a JSON array of case requests; the extension says which.</summary>
    private static string MediaTypeOf(string file) => Path.GetExtension(file).ToUpperInvariant() switch
    {
        ".CSV" => CsvMediaType,
        ".JSON" => JsonMediaType,
        _ => throw new UsageException($"'{file}': the campaign file must be a .csv file (with the header row) or a .json file (an array of case requests)"),
    };

    /// <summary>An absolute http(s) address; a trailing '/' is added so a path prefix in it is kept for relative calls.</summary>
    private static Uri ParseApi(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https") || api.Query.Length > 0 || api.Fragment.Length > 0)
        {
            throw new UsageException($"--api: '{text}' is not the service's http(s) address, e.g. {Example("api")}");
        }

        return api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");
    }

    private static string Example(string option) => option switch
    {
        "api" => $"--api {DefaultApi}",
        _ => "--key dev-operator-key",
    };
}
