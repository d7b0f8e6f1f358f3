using System.Collections.Frozen;
using System.Globalization;

namespace Industry.ServiceDefaults.Reference;

/// <summary>The figures of the 2023 work report, by id (P1, C5, D3 …). Seeds the 2024 targets and checks the demo data.</summary>
public static class ReportFigures
{
    public static IReadOnlyList<ReportFigure> All { get; } = [.. CsvResource.Read("report-figures.csv").Select(r => new ReportFigure(
        r["id"], r["programme"], r["metric"], r["period"], r["kind"],
        decimal.Parse(r["value"], NumberStyles.Number, CultureInfo.InvariantCulture),
        r["unit"], r["source_zh"]))];

    private static readonly FrozenDictionary<string, ReportFigure> ById = All.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);

    public static ReportFigure Get(string id) =>
        ById.TryGetValue(id, out var figure) ? figure : throw new KeyNotFoundException($"No report figure {id}.");

    /// <summary>A count-valued figure (projects, clusters, enterprises, parks) as an integer.</summary>
    public static int Count(string id) => (int)Get(id).Value;
}
