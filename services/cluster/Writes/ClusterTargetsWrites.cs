using Industry.Clusters.Api;
using Industry.Clusters.Data;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Writes;

/// <summary>年度目标: the year's targets, set by the suite's one upsert of yearly targets.</summary>
internal sealed class ClusterTargetsWrites(ClusterDbContext db)
{
    public async Task<Proto.ClusterTargets> UpdateAsync(Write write, TargetsUpdate<ClusterTargetsDraft> update)
    {
        await RequireClustersAsync(write, update);
        return await write.UpsertAsync(db.ClusterTargets, ClusterTargets.Fields, update, year => new ClusterTargets(year), t => t.ToProto(), (t, mask) => new Proto.ClusterTargetsUpdated { ClusterTargets = t, UpdateMask = mask });
    }

    /// <summary>
    /// A revenue target names an existing cluster: FAILED_PRECONDITION <c>REFERENCE_NOT_FOUND</c> naming each missing one
    /// (after the values' own checks, so that a malformed request is INVALID_ARGUMENT whatever it names).
    /// </summary>
    private async Task RequireClustersAsync(Write write, TargetsUpdate<ClusterTargetsDraft> update)
    {
        if (update.Values.ClusterRevenueTargets.Count == 0)
        {
            return;
        }

        ServiceException.ThrowIfAny(ClusterTargets.Fields.Check(update.Values, update.Field + "."));
        var named = update.Values.ClusterRevenueTargets.Select((t, i) => (Field: $"{update.Field}.cluster_revenue_targets[{i}].cluster", Id: t.Cluster[(Cluster.Collection.Length + 1)..])).ToList();
        var ids = named.Select(n => n.Id).Distinct().ToList();
        var existing = await db.Clusters.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(write.CancellationToken);
        var missing = named.Where(n => !existing.Contains(n.Id)).ToList();
        if (missing.Count > 0)
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "REFERENCE_NOT_FOUND",
                $"{string.Join(", ", missing.Select(m => Cluster.Collection + "/" + m.Id))} does not exist; a revenue target is set for an existing cluster.",
                new Dictionary<string, string> { ["resource"] = Cluster.Collection + "/" + missing[0].Id },
                preconditionViolations: [.. missing.Select(m => new PreconditionViolation("REFERENCE_NOT_FOUND", m.Field, $"{Cluster.Collection}/{m.Id} does not exist."))]);
        }
    }
}
