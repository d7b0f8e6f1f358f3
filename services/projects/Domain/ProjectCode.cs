using System.Globalization;

namespace Industry.Projects.Domain;

/// <summary>
/// 项目代码 of the national investment project online approval platform (GB/T 40058 format
/// <c>YYYY-AAAAAA-NN-NN-NNNNNN</c>): the year it was assigned, the registering division, the industry and the
/// approval type, and a serial number. The division must be Anhui's (the province, a city or a county).
/// </summary>
public static class ProjectCode
{
    public const int Length = 24;

    /// <summary>Why <paramref name="code"/> is not a valid project code, or null when it is.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "is required.";
        }

        if (code.Length != Length || code[4] != '-' || code[11] != '-' || code[14] != '-' || code[17] != '-'
            || !AllDigits(code, 0, 4) || !AllDigits(code, 5, 6) || !AllDigits(code, 12, 2) || !AllDigits(code, 15, 2) || !AllDigits(code, 18, 6))
        {
            return "must have the GB/T 40058 form YYYY-AAAAAA-NN-NN-NNNNNN, e.g. 2023-340104-39-03-012345.";
        }

        var year = int.Parse(code.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return $"has year {year}; expected 2000-2100.";
        }

        var division = code.Substring(5, 6);
        return Divisions.Find(division) is null ? $"has division {division}, which is not a division of Anhui." : null;
    }

    private static bool AllDigits(string text, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
