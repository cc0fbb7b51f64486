using System.CommandLine;
using System.CommandLine.Parsing;

namespace Dunning.Cli;

/// <summary><c>dunning import FILE [--api URL] [--key KEY]</c>: the campaign file (.csv or .json), the service's
/// address and an operator key (else <see cref="ImportEnvironment.KeyVariable"/>).</summary>
internal sealed class ImportCommand : Command
{
    public const string Verb = "import";
    public const string DefaultApi = "http://127.0.0.1:7071";
    public const string CsvMediaType = "text/csv";
    public const string JsonMediaType = "application/json";

    private readonly Argument<string> _file = new("FILE")
    {
        Description = "a .csv file with the header row accountId,invoiceId,name,phone,email,timeZone,locale,amount,currency,dueDate,policy, "
            + "or a .json array of case requests",
    };

    private readonly Option<Uri> _api = new("--api")
    {
        HelpName = "URL",
        Description = "the service",
        CustomParser = ParseApi,
        DefaultValueFactory = _ => new Uri(DefaultApi + "/"),
    };

    private readonly Option<string> _key = new("--key")
    {
        HelpName = "KEY",
        Description = $"an operator API key (default: the {ImportEnvironment.KeyVariable} environment variable)",
    };

    public ImportCommand(ImportEnvironment environment)
        : base(Verb, "Import a campaign of cases into the running service. Shows the progress until every row is opened, a duplicate or "
            + "rejected, then the counts and the rejected lines. Importing the same file again opens nothing twice.")
    {
        Arguments.Add(_file);
        Options.Add(_api);
        Options.Add(_key);
        _file.Validators.Add(result =>
        {
            if (result.GetValue(_file) is { } file && MediaTypeOf(file) is null)
            {
                result.AddError($"'{file}': the campaign file must be a .csv file (with the header row) or a .json file (an array of case requests)");
            }
        });
        _key.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var key }] && string.IsNullOrWhiteSpace(key))
            {
                result.AddError("--key is empty; give a value, e.g. --key dev-operator-key");
            }
        });
        SetAction((parse, cancellationToken) => CampaignImport.RunAsync(ToRequest(parse), environment,
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
    }

    public ImportRequest ToRequest(ParseResult parse)
    {
        var file = parse.GetRequiredValue(_file);
        return new ImportRequest(file, MediaTypeOf(file)!, parse.GetRequiredValue(_api), parse.GetValue(_key));
    }

    /// <summary>The service reads CSV (with the header row) or a JSON array of case requests; the extension says which.</summary>
    private static string? MediaTypeOf(string file) => Path.GetExtension(file).ToUpperInvariant() switch
    {
        ".CSV" => CsvMediaType,
        ".JSON" => JsonMediaType,
        _ => null,
    };

    /// <summary>An absolute http(s) address; a trailing '/' is added so a path prefix in it is kept for relative calls.</summary>
    private static Uri? ParseApi(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https") || api.Query.Length > 0 || api.Fragment.Length > 0)
        {
            result.AddError($"--api: '{text}' is not the service's http(s) address, e.g. --api {DefaultApi}");
            return null;
        }

        return api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");
    }
}
