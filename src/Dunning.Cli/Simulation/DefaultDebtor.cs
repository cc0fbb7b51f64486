using Dunning.Domain;

namespace Dunning.Cli;

/// <summary>The made-up debtor a dry run uses unless told otherwise; only the time zone must come from the user.</summary>
public static class DefaultDebtor
{
    public const string Name = "Li Wei";
    public const string Phone = "+8613800138000";
    public const string Email = "li.wei@example.com";
    public const string Address = "88 Century Ave, Pudong, Shanghai";

    public static Debtor In(string timeZone) => new(Name, Phone, Email, timeZone, LocaleFor(timeZone), Address);

    /// <summary>zh-CN for a debtor in Asia, en-US elsewhere: the two locales the message templates ship with.</summary>
    public static string LocaleFor(string timeZone) =>
        timeZone.StartsWith("Asia/", StringComparison.Ordinal) ? "zh-CN" : "en-US";
}
