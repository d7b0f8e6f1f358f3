using System.Globalization;

namespace Industry.ServiceDefaults.Reporting;

/// <summary>
/// A reporting month, <c>YYYY-MM</c> (the periods of monthly investment reports and of cluster revenue reports), from
/// 2000-01 to 2100-12. Stored as year and month apart so that sums and comparisons run over an index, not over text.
/// </summary>
public readonly record struct ReportingPeriod(int Year, int Month) : IComparable<ReportingPeriod>
{
    /// <summary>What a period must look like, as a field violation's description.</summary>
    public const string Rule = "must be a month 'YYYY-MM' from 2000-01 to 2100-12.";

    public static ReportingPeriod? TryParse(string? text) =>
        text is { Length: 7 } && text[4] == '-'
        && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
        && year is >= 2000 and <= 2100 && month is >= 1 and <= 12
            ? new ReportingPeriod(year, month)
            : null;

    public static ReportingPeriod Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>The same month a year earlier: the base of a year-on-year comparison.</summary>
    public ReportingPeriod YearEarlier => this with { Year = Year - 1 };

    /// <summary>Months since year 0 (<c>year * 12 + month</c>): one integer to compare periods by in SQL.</summary>
    public int Ordinal => (Year * 12) + Month;

    public int CompareTo(ReportingPeriod other) => Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
