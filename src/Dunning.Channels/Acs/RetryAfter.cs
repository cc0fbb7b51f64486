using System.Globalization;
using Azure;

namespace Dunning.Channels.Acs;

/// <summary>The wait a response asks for: <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>, or <c>retry-after</c> in
/// seconds or as an HTTP date (the headers Azure.Core's own retry policy honours).</summary>
internal static class RetryAfter
{
    public static TimeSpan? Of(Response response, DateTimeOffset now)
    {
        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValue(name, out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            {
                return TimeSpan.FromMilliseconds(millis);
            }
        }

        if (!response.Headers.TryGetValue("retry-after", out var value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at > now ? at - now : TimeSpan.Zero
            : null;
    }
}
