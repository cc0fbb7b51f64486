namespace Dunning.Channels.Templates;

/// <summary>How many SMS segments a text takes (3GPP TS 23.038): GSM-7 when every character is in the default alphabet
/// or its extension table (those cost two septets), 160 septets alone or 153 per segment when concatenated; otherwise
/// UCS-2, 70 UTF-16 units alone or 67 per segment. A two-septet character or a surrogate pair is never split.</summary>
public static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    /// <summary>Segments needed for <paramref name="text"/>; 0 for an empty text.</summary>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return 0;
        }

        return IsGsm7(text) ? Pack(Gsm7Costs(text), 160, 153) : Pack(Ucs2Costs(text), 70, 67);
    }

    /// <summary>True when the text can be sent in the GSM-7 alphabet (default table plus extension table).</summary>
    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c) || Extension.Contains(c));

    private static IEnumerable<int> Gsm7Costs(string text) => text.Select(c => Extension.Contains(c) ? 2 : 1);

    private static IEnumerable<int> Ucs2Costs(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                yield return 2;
            }
            else
            {
                yield return 1;
            }
        }
    }

    private static int Pack(IEnumerable<int> costs, int single, int perPart)
    {
        var units = costs.ToList();
        if (units.Sum() <= single)
        {
            return 1;
        }

        var segments = 1;
        var used = 0;
        foreach (var cost in units)
        {
            if (used + cost > perPart)
            {
                segments++;
                used = 0;
            }

            used += cost;
        }

        return segments;
    }
}
