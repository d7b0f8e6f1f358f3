using System.Globalization;

namespace Industry.ServiceDefaults.Reference;

/// <summary>
/// 国民经济行业分类 GB/T 4754-2017: a manufacturing class is section C plus a four-digit class code whose first two
/// digits are a manufacturing division (13-43), e.g. <c>C3841</c> (lithium-ion batteries). Projects and enterprises
/// are classified at class level; the 4+10 industries cover divisions, groups or classes by prefix.
/// </summary>
public static class Gbt4754
{
    public const int FirstManufacturingDivision = 13;
    public const int LastManufacturingDivision = 43;

    /// <summary>Why <paramref name="code"/> is not a manufacturing class, or null when it is.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "is required.";
        }

        if (code.Length != 5 || code[0] != 'C' || !code.AsSpan(1).ContainsOnlyDigits())
        {
            return "must be a GB/T 4754 manufacturing class: 'C' and four digits, e.g. C3841.";
        }

        var division = int.Parse(code.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        return division is < FirstManufacturingDivision or > LastManufacturingDivision
            ? $"division {code[..3]} is not a manufacturing division (C13-C43)."
            : null;
    }

    /// <summary>
    /// Whether a class belongs to a 4+10 industry: it starts with one of the industry's prefixes. A cross-cutting
    /// industry (new materials, energy saving) has no prefixes and takes any manufacturing class.
    /// </summary>
    public static bool BelongsTo(string code, IndustryCategory industry) =>
        industry.Gbt4754Prefixes.Count == 0 || industry.Gbt4754Prefixes.Any(p => code.StartsWith(p, StringComparison.Ordinal));
}

internal static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return span.Length > 0;
    }
}
