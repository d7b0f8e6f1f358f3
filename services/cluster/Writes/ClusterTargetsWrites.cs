using Industry.Clusters.Api;
using Industry.Clusters.Data;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Writes;

/// <summary>年度目标: the year's targets, set by the suite's one upsert of yearly targets.</summary>
internal sealed class ClusterTargetsWrites(ClusterDbContext db)
{
    public Task<Proto.ClusterTargets> UpdateAsync(Write write, TargetsUpdate<ClusterTargetsDraft> update) =>
        write.UpsertAsync(db.ClusterTargets, ClusterTargets.Fields, update, year => new ClusterTargets(year), t => t.ToProto(), (t, mask) => new Proto.ClusterTargetsUpdated { ClusterTargets = t, UpdateMask = mask });
}
