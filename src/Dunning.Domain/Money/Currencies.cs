using System.Collections.Frozen;

namespace Dunning.Domain;

/// <summary>The ISO 4217 currencies a claim may be denominated in, with the digits of their minor unit.</summary>
/// <remarks>
/// Source: ISO 4217 List One (codes in circulation). Left out: fund codes (BOV, CHE, CHW, COU, MXV, USN, UYI),
/// codes without a minor unit (precious metals, XDR, XSU, XUA, the XB* bond units) and the test/no-currency codes
/// XTS and XXX. Kept on purpose: CLF, the Chilean Unidad de Fomento, although ISO files it as a fund, because
/// Chilean consumer debt is contracted in it; UYW (Unidad Previsional), an index unit ISO lists as a currency;
/// ANG next to its successor XCG and BGN next to EUR, because claims opened before a changeover still run in the
/// old code. The table is static on purpose: the domain reads no files and no culture data, and CLDR's digits
/// differ from ISO's for several currencies (IQD, IRR, RSD, ...).
/// Codes are matched exactly: upper case only, callers normalise before they ask.
/// </remarks>
public static class Currencies
{
    private static readonly FrozenDictionary<string, int> MinorUnitsByCode = Build(
        (0, "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF"),
        (2, """
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD
            CAD CDF CHF CNY COP CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD
            HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT
            MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB
            SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS
            UAH USD UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG
            """),
        (3, "BHD IQD JOD KWD LYD OMR TND"),
        (4, "CLF UYW"));

    private static readonly string[] SortedCodes = [.. MinorUnitsByCode.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Every known code, in ordinal order.</summary>
    public static IReadOnlyCollection<string> All => SortedCodes;

    /// <summary>True for a known upper-case ISO 4217 code; false for anything else, lower case included.</summary>
    public static bool IsKnown(string code) => code is not null && MinorUnitsByCode.ContainsKey(code);

    /// <summary>Digits after the decimal point in the currency's minor unit (CNY 2, JPY 0, KWD 3, CLF 4).</summary>
    /// <exception cref="ArgumentException">The code is not a known upper-case ISO 4217 code.</exception>
    public static int MinorUnits(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return MinorUnitsByCode.TryGetValue(code, out var digits)
            ? digits
            : throw new ArgumentException($"'{code}' is not a known ISO 4217 currency code (upper case expected).", nameof(code));
    }

    private static FrozenDictionary<string, int> Build(params (int Digits, string Codes)[] groups)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (digits, codes) in groups)
        {
            foreach (var code in codes.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                // Add, not the indexer: a code listed twice is a typo in the table and must fail loudly.
                table.Add(code, digits);
            }
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
