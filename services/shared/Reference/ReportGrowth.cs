using System.Globalization;

namespace Industry.ServiceDefaults.Reference;

/// <summary>
/// A growth statement of the 2023 work report (<c>report-growth.csv</c>): report figure <paramref name="Figure"/> of
/// <paramref name="Year"/> (January through <paramref name="ThroughMonth"/>) is <paramref name="GrowthPercent"/> above
/// the same months of the year before. <paramref name="Answered"/> says whether the suite's data can produce it; the
/// others are listed with the reason in docs/demo.md.
/// </summary>
public sealed record ReportGrowth(string Id, string Figure, int Year, int ThroughMonth, decimal GrowthPercent, bool Answered, string Source)
{
    public static IReadOnlyList<ReportGrowth> All { get; } = [.. CsvResource.Read("report-growth.csv").Select(r => new ReportGrowth(
        r["id"], r["figure"],
        int.Parse(r["year"], CultureInfo.InvariantCulture),
        int.Parse(r["through_month"], CultureInfo.InvariantCulture),
        decimal.Parse(r["growth_percent"], NumberStyles.Number, CultureInfo.InvariantCulture),
        r["answered"] switch { "yes" => true, "no" => false, var other => throw new FormatException($"report-growth.csv: answered is '{other}', not yes or no.") },
        r["source"]))];

    /// <summary>The statements the data set produces and the API answers.</summary>
    public static IEnumerable<ReportGrowth> AnsweredByTheApi => All.Where(g => g.Answered);

    /// <summary>The statement about <paramref name="figure"/>'s growth into its year.</summary>
    public static ReportGrowth Of(string figure) =>
        All.SingleOrDefault(g => g.Figure == figure) ?? throw new KeyNotFoundException($"No growth statement about {figure}.");

    /// <summary>The previous year's count that gives <paramref name="current"/> this growth, rounded to a whole count.</summary>
    public int PreviousCount(int current) =>
        (int)Math.Round(current / (1 + GrowthPercent / 100), MidpointRounding.AwayFromZero);
}
