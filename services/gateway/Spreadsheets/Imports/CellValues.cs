using System.Globalization;
using System.Text;

namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// Reading one cell as the department's sheets write it: amounts in 万元 as numbers or text, dates as Excel dates
/// (a date cell, or its serial number) or as text in the usual spellings, yes and no in Chinese or English.
/// </summary>
internal static class CellValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm",
    ];

    /// <summary>A header as people type it: full-width brackets and spaces made plain, blanks removed.</summary>
    public static string Header(string header)
    {
        var plain = header.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF') // a byte-order mark read into the first header
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>The cell as text; a whole number typed into a number cell (a county code, say) without decimals.</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };

    /// <summary>An amount in 万元 as whole yuan; null when the cell is empty; false when it is not a number.</summary>
    public static bool TryYuan(object? value, out long? yuan)
    {
        yuan = null;
        decimal wan;
        switch (value)
        {
            case null:
                return true;
            case double d when !double.IsFinite(d) || Math.Abs(d) > 1e12:
                return false;
            case double d:
                wan = (decimal)d;
                break;
            case decimal m:
                wan = m;
                break;
            default:
                var text = Text(value).Replace(",", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal);
                if (text.Length == 0)
                {
                    return true;
                }

                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out wan) || Math.Abs(wan) > 1e12m)
                {
                    return false;
                }

                break;
        }

        yuan = (long)Math.Round(wan * 10_000m, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>A date; null when the cell is empty; false when it is no date.</summary>
    public static bool TryDate(object? value, out DateOnly? date)
    {
        date = null;
        switch (value)
        {
            case null:
                return true;
            case DateTime t:
                date = DateOnly.FromDateTime(t);
                return true;
            case double serial when serial is >= 1 and < 2_958_466:
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return true;
            case double:
                return false;
        }

        var text = Text(value);
        if (text.Length == 0)
        {
            return true;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }

        return false;
    }

    /// <summary>是/否 (or Y/N, true/false, 1/0); empty is no; null when it is neither.</summary>
    public static bool? Flag(object? value) => Text(value).ToUpperInvariant() switch
    {
        "" or "否" or "N" or "NO" or "FALSE" or "0" => false,
        "是" or "Y" or "YES" or "TRUE" or "1" => true,
        _ => null,
    };
}
