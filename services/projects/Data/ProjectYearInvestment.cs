namespace Industry.Projects.Data;

/// <summary>
/// One project's approved (counted, ADR 0026) completed investment in one year, month by month, with the months that
/// have an approved report and the latest such month before the year: a summary the writes of investment reports keep
/// in their own transaction (<see cref="ProjectInvestmentTotals"/>), so that <c>GetInvestmentStats</c> reads one row
/// per project and year instead of every report of its range (ADR 0047).
/// </summary>
public sealed class ProjectYearInvestment
{
    public string ProjectId { get; set; } = string.Empty;

    public int Year { get; set; }

    /// <summary>The months with an approved report, as bits (<see cref="MonthRange"/>).</summary>
    public int ReportedMonths { get; set; }

    /// <summary>
    /// <see cref="ReportingPeriod.Ordinal"/> of the project's latest approved report in an earlier year, 0 when none:
    /// a range's row counts its project only when the project reported nothing in the range before this year, which
    /// counts every project once without grouping the rows by project.
    /// </summary>
    public int LastReportedBefore { get; set; }

    public long Month01 { get; set; }

    public long Month02 { get; set; }

    public long Month03 { get; set; }

    public long Month04 { get; set; }

    public long Month05 { get; set; }

    public long Month06 { get; set; }

    public long Month07 { get; set; }

    public long Month08 { get; set; }

    public long Month09 { get; set; }

    public long Month10 { get; set; }

    public long Month11 { get; set; }

    public long Month12 { get; set; }
}
