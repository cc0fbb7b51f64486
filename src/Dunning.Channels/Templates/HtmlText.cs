using System.Text;

namespace Dunning.Channels.Templates;

/// <summary>Escapes text for HTML content and attribute values: only the five characters HTML gives meaning to. The
/// framework's encoders also turn '+', '¥' and every non-ASCII letter into entities, which a letter's reader (or a
/// search of the stored evidence) should not have to decode.</summary>
internal static class HtmlText
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>The model with every string escaped, so templates can output values as they are.</summary>
    public static object? EscapeAll(object? value) => value switch
    {
        string s => Escape(s),
        Dictionary<string, object?> map => map.ToDictionary(e => e.Key, e => EscapeAll(e.Value), StringComparer.Ordinal),
        List<object?> list => list.Select(EscapeAll).ToList(),
        _ => value,
    };
}
