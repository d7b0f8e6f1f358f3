using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// Reading one cell as the department's sheets write it: amounts in 万元 as numbers or text, dates as Excel dates
/// (a date cell, or its serial number) or as text in the usual spellings, yes and no in Chinese or English.
/// </summary>
internal static partial class CellValues
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

    /// <summary>
    /// A month as <c>YYYY-MM</c>: an Excel date (any day of it), or text such as 2023-05, 2023-5, 2023/05, 2023.5,
    /// 2023年5月, 202305 (also as a number), or a whole date of the month; null when the cell is empty; false when it is no month.
    /// </summary>
    public static bool TryMonth(object? value, out string? month)
    {
        month = null;
        if (value is double yearMonth && yearMonth == Math.Floor(yearMonth) && yearMonth is >= 100_001 and <= 999_912)
        {
            // 202305 typed into a number cell: far beyond the serial numbers of dates this century (45,000 is 2023).
            var (year, monthOfYear) = Math.DivRem((int)yearMonth, 100);
            month = monthOfYear is >= 1 and <= 12 ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{monthOfYear:D2}") : null;
            return month is not null;
        }

        if (value is DateTime or double)
        {
            if (!TryDate(value, out var date))
            {
                return false;
            }

            month = date?.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            return true;
        }

        var text = Text(value);
        if (text.Length == 0)
        {
            return true;
        }

        if (MonthText().Match(text) is { Success: true } match
            && int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var number)
        {
            month = string.Create(CultureInfo.InvariantCulture, $"{match.Groups["year"].Value}-{number:D2}");
            return true;
        }

        if (TryDate(text, out var day) && day is { } d)
        {
            month = d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
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

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:\s*[-/.年]\s*(?<month>[0-9]{1,2})\s*月?|(?<month>[0-9]{2}))$")]
    private static partial Regex MonthText();
}
