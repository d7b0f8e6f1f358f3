using Microsoft.EntityFrameworkCore;

namespace Industry.Clusters.Data;

/// <summary>
/// GetClusterProgress, the programme's yearly progress against its targets, as SQL aggregations over indexes and the
/// yearly figures the writes keep (ADR 0048): four GROUP BY statements, each grouped by city and industry as well, so
/// that the province's, the cities' and the industries' figures come from the same rows (rolled up by
/// <see cref="ClusterBreakdown"/>), whatever the table sizes.
/// </summary>
internal static class ClusterProgressQueries
{
    public sealed record Figures(
        IReadOnlyDictionary<(ClusterKind Kind, ClusterLevel Level), int> Recognitions,
        IReadOnlyDictionary<QualificationType, int> NewQualifications,
        IReadOnlyList<ClusterCell> Cells);

    public static async Task<Figures> ProgressAsync(this ClusterDbContext db, int year, CancellationToken cancellationToken)
    {
        // Recognitions dated in the year, first ones and upgrades alike, by the cluster's kind and the level reached.
        var recognitions = await db.Clusters
            .SelectMany(c => c.Recognitions.Where(r => r.Year == year), (c, r) => new { c.CityCode, c.IndustryCode, c.Kind, r.Level })
            .GroupBy(x => new { x.CityCode, x.IndustryCode, x.Kind, x.Level })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // Distinct clusters: one recognised at provincial level and upgraded in the same year counts once.
        var advanced = await db.Clusters
            .Where(c => c.Kind == ClusterKind.AdvancedManufacturing && c.Recognitions.Any(r => r.Year == year))
            .GroupBy(c => new { c.CityCode, c.IndustryCode })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // Kept per year by the enterprise writes (EnterpriseYearCounts): a grant revoked in a later year stays in its
        // year's count (the figure was true then); one revoked in the year granted never counted at a year end.
        var qualifications = await db.QualificationYearGrants
            .Where(g => g.Year == year && g.Granted != 0)
            .Select(g => new { Key = new { g.CityCode, g.IndustryCode, g.Type }, Count = g.Granted })
            .ToListAsync(cancellationToken);

        // The year's entries and exits, and the total above size at its end (the entries and exits up to it), from the
        // figures the enterprise writes keep (EnterpriseYearCounts): a later exit never changes a past year.
        var aboveSize = await db.AboveSizeYearChanges
            .Where(c => c.Year <= year)
            .GroupBy(c => new { c.CityCode, c.IndustryCode })
            .Select(g => new
            {
                g.Key,
                Entered = g.Sum(c => c.Year == year ? c.Entered : 0),
                Exited = g.Sum(c => c.Year == year ? c.Exited : 0),
                Total = g.Sum(c => c.NetChange),
            })
            .Where(g => g.Entered != 0 || g.Exited != 0 || g.Total != 0)
            .ToListAsync(cancellationToken);

        IEnumerable<ClusterCell> cells =
        [
            .. recognitions.Select(r => new ClusterCell(r.Key.CityCode, r.Key.IndustryCode, ClusterCounts.Recognized(r.Key.Kind, r.Key.Level, r.Count))),
            .. advanced.Select(r => new ClusterCell(r.Key.CityCode, r.Key.IndustryCode, new(AdvancedManufacturingClusters: r.Count))),
            .. qualifications.Select(r => new ClusterCell(r.Key.CityCode, r.Key.IndustryCode, ClusterCounts.Granted(r.Key.Type, r.Count))),
            .. aboveSize.Select(r => new ClusterCell(
                r.Key.CityCode,
                r.Key.IndustryCode,
                new(NewAboveSizeEnterprises: r.Entered, ExitedAboveSizeEnterprises: r.Exited, AboveSizeEnterprisesTotal: r.Total))),
        ];
        return new Figures(
            recognitions.GroupBy(r => (r.Key.Kind, r.Key.Level)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            qualifications.GroupBy(r => r.Key.Type).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            [.. cells]);
    }
}
