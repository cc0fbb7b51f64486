using System.Reflection;
using Fluid;

namespace Dunning.Channels.Templates;

/// <summary>The parsed Liquid templates by (locale, kind, name). Shipped ones are embedded resources
/// <c>Templates/{locale}/{kind}/{name}.liquid</c>; the locale is a folder, not part of the file name, because MSBuild
/// would move a file named <c>x.zh-CN.liquid</c> into a satellite assembly.</summary>
public sealed class TemplateCatalog
{
    /// <summary>The name every kind falls back to when a step has no template of its own.</summary>
    public const string Generic = "generic";

    private const string Marker = ".Templates.";
    private const string Extension = ".liquid";
    private static readonly FluidParser Parser = new();

    private readonly Dictionary<(string Locale, TemplateKind Kind, string Name), IFluidTemplate> _templates;

    private TemplateCatalog(Dictionary<(string, TemplateKind, string), IFluidTemplate> templates)
    {
        _templates = templates;
        Locales = templates.Keys.Select(k => k.Item1).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The templates shipped in this assembly (zh-CN and en-US).</summary>
    public static TemplateCatalog Embedded { get; } = Load(typeof(TemplateCatalog).Assembly);

    /// <summary>Locales that have at least one template, in ordinal order.</summary>
    public IReadOnlyList<string> Locales { get; }

    /// <summary>Parses every <c>*.liquid</c> resource of <paramref name="assembly"/>. A template that does not parse is a
    /// build defect, so it fails here with the resource named rather than at the first message.</summary>
    public static TemplateCatalog Load(Assembly assembly)
    {
        var sources = new List<TemplateSource>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var at = resource.IndexOf(Marker, StringComparison.Ordinal);
            if (at < 0 || !resource.EndsWith(Extension, StringComparison.Ordinal))
            {
                continue;
            }

            // "zh_CN.Sms.pre-due-reminder": MSBuild turned the folder "zh-CN" into the identifier "zh_CN".
            var parts = resource[(at + Marker.Length)..^Extension.Length].Split('.', 3);
            if (parts.Length != 3 || !Enum.TryParse<TemplateKind>(parts[1], out var kind))
            {
                throw new InvalidOperationException($"Template resource {resource} is not named Templates/{{locale}}/{{kind}}/{{name}}.liquid.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            sources.Add(new TemplateSource(parts[0].Replace('_', '-'), kind, parts[2], reader.ReadToEnd()));
        }

        return From(sources);
    }

    /// <summary>A catalog of the given sources (tests, or templates kept outside the assembly).</summary>
    public static TemplateCatalog From(IEnumerable<TemplateSource> sources)
    {
        var templates = new Dictionary<(string, TemplateKind, string), IFluidTemplate>();
        foreach (var source in sources)
        {
            if (!Parser.TryParse(source.Text, out var template, out var error))
            {
                throw new InvalidOperationException($"Template {source.Locale}/{source.Kind}/{source.Name} does not parse: {error}");
            }

            templates[(source.Locale, source.Kind, source.Name)] = template;
        }

        return new TemplateCatalog(templates);
    }

    public bool Contains(string locale, TemplateKind kind, string name) => _templates.ContainsKey((locale, kind, name));

    /// <summary>The shipped locale for <paramref name="requested"/>: the same locale, else one of the same language
    /// ("zh-TW" reads zh-CN), else <paramref name="fallback"/>.</summary>
    public string ResolveLocale(string? requested, string fallback)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var exact = Locales.FirstOrDefault(l => string.Equals(l, requested, StringComparison.OrdinalIgnoreCase));
            if (exact is not null)
            {
                return exact;
            }

            var language = requested.Split('-', '_')[0];
            var sameLanguage = Locales.FirstOrDefault(l => string.Equals(l.Split('-')[0], language, StringComparison.OrdinalIgnoreCase));
            if (sameLanguage is not null)
            {
                return sameLanguage;
            }
        }

        return Locales.FirstOrDefault(l => string.Equals(l, fallback, StringComparison.OrdinalIgnoreCase))
            ?? Locales.FirstOrDefault()
            ?? throw new InvalidOperationException("The template catalog is empty.");
    }

    /// <summary>The first of <paramref name="names"/> the locale has a template for, else its generic one.</summary>
    public IFluidTemplate Find(string locale, TemplateKind kind, params string[] names)
    {
        foreach (var name in names.Append(Generic))
        {
            if (_templates.TryGetValue((locale, kind, name), out var template))
            {
                return template;
            }
        }

        throw new InvalidOperationException($"No {kind} template for {locale} named {string.Join(" or ", names.Append(Generic))}.");
    }
}

/// <summary>The text of one template and where it belongs.</summary>
public sealed record TemplateSource(string Locale, TemplateKind Kind, string Name, string Text);
