using Microsoft.EntityFrameworkCore;

namespace Industry.Clusters.Data;

/// <summary>
/// GetClusterProgress, the programme's yearly progress against its targets, as SQL aggregations over indexes and the
/// yearly figures the writes keep (ADR 0048): six GROUP BY statements, each grouped by city and industry as well, so
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

        var newAboveSize = await db.Enterprises
            .Where(e => e.AboveSizeYear == year)
            .GroupBy(e => new { e.CityCode, e.IndustryCode })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var exited = await db.Enterprises
            .Where(e => e.AboveSizeExitYear == year)
            .GroupBy(e => new { e.CityCode, e.IndustryCode })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // Above size at the year's end: the enterprises' yearly entries and exits up to it, kept by the enterprise writes
        // (EnterpriseYearCounts), so that a later exit never changes a past year.
        var total = await db.AboveSizeYearChanges
            .Where(c => c.Year <= year)
            .GroupBy(c => new { c.CityCode, c.IndustryCode })
            .Select(g => new { g.Key, Count = g.Sum(c => c.NetChange) })
            .Where(g => g.Count != 0)
            .ToListAsync(cancellationToken);

        IEnumerable<ClusterCell> cells =
        [
            .. recognitions.Select(r => new ClusterCell(r.Key.CityCode, r.Key.IndustryCode, ClusterCounts.Recognized(r.Key.Kind, r.Key.Level, r.Count))),
            .. advanced.Select(r => new ClusterCell(r.Key.CityCode, r.Key.IndustryCode, new(AdvancedManufacturingClusters: r.Count))),
            .. qualifications.Select(r => new ClusterCell(r.Key.CityCode, r.Key.IndustryCode, ClusterCounts.Granted(r.Key.Type, r.Count))),
            .. newAboveSize.Select(r => new ClusterCell(r.Key.CityCode, r.Key.IndustryCode, new(NewAboveSizeEnterprises: r.Count))),
            .. exited.Select(r => new ClusterCell(r.Key.CityCode, r.Key.IndustryCode, new(ExitedAboveSizeEnterprises: r.Count))),
            .. total.Select(r => new ClusterCell(r.Key.CityCode, r.Key.IndustryCode, new(AboveSizeEnterprisesTotal: r.Count))),
        ];
        return new Figures(
            recognitions.GroupBy(r => (r.Key.Kind, r.Key.Level)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            qualifications.GroupBy(r => r.Key.Type).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            [.. cells]);
    }
}
