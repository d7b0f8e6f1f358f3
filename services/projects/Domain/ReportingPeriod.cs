using System.Globalization;

namespace Industry.Projects.Domain;

/// <summary>A reporting month, <c>YYYY-MM</c> (月度调度 periods).</summary>
public readonly record struct ReportingPeriod(int Year, int Month) : IComparable<ReportingPeriod>
{
    public static ReportingPeriod? TryParse(string? text) =>
        text is { Length: 7 } && text[4] == '-'
        && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
        && year is >= 2000 and <= 2100 && month is >= 1 and <= 12
            ? new ReportingPeriod(year, month)
            : null;

    public static ReportingPeriod Of(DateOnly date) => new(date.Year, date.Month);

    public int CompareTo(ReportingPeriod other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
