using System.Globalization;
using System.Net.Mail;
using Dunning.Domain;
using PhoneNumbers;

namespace Dunning.Endpoints.Cases;

/// <summary>The contact-detail checks: E.164 phone numbers (libphonenumber), e-mail syntax, IANA zones, locales.</summary>
public static class ContactChecks
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>True for a valid number written exactly in E.164 (+ and digits); gives its region (e.g. "CN"), which
    /// is the jurisdiction whose contact rules apply.</summary>
    public static bool IsE164(string phone, out string? region)
    {
        region = null;
        if (!phone.StartsWith('+'))
        {
            return false;
        }

        try
        {
            var number = Phones.Parse(phone, null);
            if (!Phones.IsValidNumber(number) || Phones.Format(number, PhoneNumberFormat.E164) != phone)
            {
                return false;
            }

            region = Phones.GetRegionCodeForNumber(number);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>A bare address (no display name, no surrounding text) that System.Net.Mail accepts as written.</summary>
    public static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var address) && string.Equals(address.Address, email, StringComparison.Ordinal);

    public static bool IsTimeZone(string zone) => LocalCalendar.TryFindZone(zone, out _);

    public static bool IsLocale(string locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(locale, predefinedOnly: true) is { Name.Length: > 0 };
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
