using System.Globalization;

namespace Dunning.Endpoints.Http;

/// <summary>Numbers and flags from a query string, read by the endpoint itself rather than by the host's binder, so a
/// malformed value is the same field-level 400 in the local host and in the Function App (the binders of the two differ).</summary>
public static class QueryValues
{
    public static int? Int(string? raw, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, $"Give a whole number, not '{raw}'.");
        return null;
    }

    public static bool? Bool(string? raw, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (bool.TryParse(raw, out var value))
        {
            return value;
        }

        errors.Add(field, $"Give true or false, not '{raw}'.");
        return null;
    }
}
