using System.Globalization;
using System.Text.RegularExpressions;

namespace Industry.Projects.Domain;

/// <summary>
/// 项目代码 of the national investment project online approval platform (GB/T 40058 format
/// <c>YYYY-AAAAAA-NN-NN-NNNNNN</c>): the year it was assigned, the registering division, the industry and the
/// approval type, and a serial number. The division must be Anhui's (the province, a city or a county).
/// </summary>
public static partial class ProjectCode
{
    /// <summary>Why <paramref name="code"/> is not a valid project code, or null when it is.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "is required.";
        }

        if (!Form().IsMatch(code))
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

    /// <summary>ASCII digits only (<c>\d</c> would take any Unicode digit), and nothing after the last (<c>\z</c>, not <c>$</c>).</summary>
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Form();
}
