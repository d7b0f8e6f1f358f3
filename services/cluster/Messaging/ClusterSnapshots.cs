using Industry.Clusters.Api;
using Industry.Clusters.Data;
using Industry.ServiceDefaults.Messaging.Snapshots;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Messaging;

/// <summary>What the cluster service republishes as snapshots (<c>RepublishState</c>, ADR 0042), in the order it raises them.</summary>
internal static class ClusterSnapshots
{
    public static IReadOnlyList<SnapshotSource> Of(ClusterDbContext db) =>
    [
        SnapshotSource.Of(db.Clusters, c => new Proto.ClusterSnapshot { Cluster = c.ToProto() }),
        SnapshotSource.Of<RevenueReport, Proto.ClusterRevenueReportSnapshot>(db.RevenueReports, async (batch, cancellationToken) =>
        {
            var previousYear = await db.PreviousYearRevenuesAsync(batch, cancellationToken);
            return [.. batch.Select(r => new Snapshot(new Proto.ClusterRevenueReportSnapshot { RevenueReport = r.ToProto(previousYear(r)) }, r.Name, r.Version))];
        }),
        SnapshotSource.Of(
            db.Enterprises.Include(e => e.Qualifications).Include(e => e.Memberships).AsSplitQuery(),
            e => new Proto.EnterpriseSnapshot { Enterprise = e.ToProto() }),
        SnapshotSource.Of<ClusterMember, Proto.ClusterMemberSnapshot>(db.ClusterMembers, async (batch, cancellationToken) =>
        {
            // A membership is versioned by its enterprise (its `clusters`), as ClusterMemberAdded carries it.
            var usccs = batch.Select(m => m.Uscc).Distinct().ToList();
            var enterprises = await db.Enterprises.AsNoTracking().Where(e => usccs.Contains(e.Uscc))
                .Select(e => new { e.Uscc, e.DisplayName, e.Version })
                .ToDictionaryAsync(e => e.Uscc, cancellationToken);
            return [.. batch.Where(m => enterprises.ContainsKey(m.Uscc)).Select(m => new Snapshot(
                new Proto.ClusterMemberSnapshot { ClusterMember = m.ToProto(enterprises[m.Uscc].DisplayName) }, m.Name, enterprises[m.Uscc].Version))];
        }),
        SnapshotSource.Of(db.ClusterTargets, t => new Proto.ClusterTargetsSnapshot { ClusterTargets = t.ToProto() }),
        SnapshotSource.Of(db.PerMuEvaluations, e => new Proto.PerMuEvaluationSnapshot { PerMuEvaluation = e.ToProto() }),
    ];
}
