using System.Text;

namespace Dunning.Channels.DeliveryReports;

/// <summary>The replies that opt a number out of SMS: STOP, 退订 ("unsubscribe") and TD (its usual abbreviation in
/// China), alone in the message, in any case, around spaces and punctuation, half- or full-width (ＴＤ).</summary>
public static class OptOutKeywords
{
    private static readonly string[] Keywords = ["STOP", "退订", "TD"];
    private static readonly char[] Punctuation = ['.', '!', '?', ',', ';', ':', '。', '！', '？', '，', '；', '：', '"', '\'', '“', '”'];

    /// <summary>The keyword the message is, or null.</summary>
    public static string? Match(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        // Compatibility normalisation folds full-width letters (common on Chinese keyboards) to ASCII.
        var text = message.Normalize(NormalizationForm.FormKC).Trim().Trim(Punctuation).Trim();
        return Keywords.FirstOrDefault(k => text.Equals(k, StringComparison.OrdinalIgnoreCase));
    }
}
