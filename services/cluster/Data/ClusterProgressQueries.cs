using Microsoft.EntityFrameworkCore;

namespace Industry.Clusters.Data;

/// <summary>GetClusterProgress, the programme's yearly progress against its targets, as SQL aggregations over indexes: a handful of counts, whatever the table sizes.</summary>
internal static class ClusterProgressQueries
{
    public sealed record Figures(
        IReadOnlyDictionary<(ClusterKind Kind, ClusterLevel Level), int> Recognitions,
        int AdvancedManufacturingClusters,
        IReadOnlyDictionary<QualificationType, int> NewQualifications,
        int NewAboveSize,
        int AboveSizeTotal);

    public static async Task<Figures> ProgressAsync(this ClusterDbContext db, int year, CancellationToken cancellationToken)
    {
        // Recognitions dated in the year, first ones and upgrades alike, by the cluster's kind and the level reached.
        var recognitions = await db.Clusters
            .SelectMany(c => c.Recognitions.Where(r => r.Year == year), (c, r) => new { c.Kind, r.Level })
            .CountByAsync(x => new { x.Kind, x.Level }, cancellationToken);

        // Distinct clusters: one recognised at provincial level and upgraded in the same year counts once.
        var advanced = await db.Clusters.CountAsync(
            c => c.Kind == ClusterKind.AdvancedManufacturing && c.Recognitions.Any(r => r.Year == year), cancellationToken);

        var qualifications = await db.Qualifications.Where(q => q.Year == year).CountByAsync(q => q.Type, cancellationToken);

        var newAboveSize = await db.Enterprises.CountAsync(e => e.AboveSizeYear == year, cancellationToken);
        var total = await db.Enterprises.CountAsync(e => e.AboveSize && e.AboveSizeYear > 0 && e.AboveSizeYear <= year, cancellationToken);
        return new Figures(recognitions.ToDictionary(r => (r.Key.Kind, r.Key.Level), r => r.Value), advanced, qualifications, newAboveSize, total);
    }
}
