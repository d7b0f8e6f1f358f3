using Google.Protobuf.WellKnownTypes;
using Industry.Clusters.Api;
using Industry.Clusters.Data;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Writes;

/// <summary>The cluster's use cases, each one write on the pipeline: create, update, delete and the recognition ladder.</summary>
internal sealed class ClusterWrites(ClusterDbContext db)
{
    public async Task<Proto.Cluster> CreateAsync(Write write, string requestedId, ClusterDraft draft)
    {
        ServiceException.ThrowIfAny([.. ClusterRules.Check(draft), .. ResourceName.IdViolations(requestedId, "cluster_id")]);

        // No natural key to derive a readable id from: a server-assigned id is random, and starts with a letter (AIP-122).
        var id = requestedId.Length > 0 ? requestedId : "c-" + Guid.NewGuid().ToString("N");
        var cluster = await write.AddAsync(db.Clusters, Cluster.Collection + "/" + id, version => Cluster.Create(id, draft, write.Now, write.Actor, version));
        return write.Raise(cluster.ToProto(), p => new Proto.ClusterCreated { Cluster = p }, cluster);
    }

    public async Task<Proto.Cluster> UpdateAsync(Write write, string name, string etag, ClusterDraft requested, FieldMask? mask)
    {
        var cluster = await write.LoadAsync(db.Clusters, Cluster.Collection, name, "cluster.name", etag);
        if (requested.Kind is { } kind && kind != cluster.Kind)
        {
            throw ServiceException.InvalidArgument("cluster.kind", "is immutable (fixed at creation).");
        }

        var merged = ClusterMapping.Editable.Merge(cluster.ToDraft(), requested, mask);
        ServiceException.ThrowIfAny(ClusterRules.Check(merged));
        var changed = cluster.Revise(merged, write.Now, write.Actor);
        return write.RaiseIfChanged(changed, cluster.ToProto(), (p, mask) => new Proto.ClusterUpdated { Cluster = p, UpdateMask = mask }, cluster);
    }

    public async Task<Empty> DeleteAsync(Write write, string name, string etag, bool force)
    {
        var cluster = await write.LoadAsync(db.Clusters, Cluster.Collection, name, "name", etag);
        await write.RefuseDeleteWhileAsync(force, db.ClusterMembers.Where(m => m.ClusterId == cluster.Id), "CLUSTER_HAS_MEMBERS", cluster, "members");
        await write.RefuseDeleteWhileAsync(force, db.RevenueReports.Where(r => r.ClusterId == cluster.Id), "CLUSTER_HAS_REVENUE_REPORTS", cluster, "revenue reports");

        if (force)
        {
            // Each member and report taken along is announced as if removed alone, before the cluster's own deletion.
            var members = await db.Enterprises.Include(e => e.Memberships).Where(e => e.Memberships.Any(m => m.ClusterId == cluster.Id))
                .OrderBy(e => e.Uscc).ToListAsync(write.CancellationToken);
            foreach (var enterprise in members)
            {
                ClusterMemberWrites.Remove(write, db, enterprise, cluster.Id);
            }

            var reports = await db.RevenueReports.Where(r => r.ClusterId == cluster.Id).OrderBy(r => r.Year).ThenBy(r => r.Month).ToListAsync(write.CancellationToken);
            var previousYear = await db.PreviousYearRevenuesAsync(reports, write.CancellationToken);
            await write.DeleteAllAsync(db.RevenueReports, reports, r => new Proto.ClusterRevenueReportDeleted { RevenueReport = r.ToProto(previousYear(r)) });
        }

        // Only its recognitions, part of it, go with it by the database's cascade.
        await write.DeleteAsync(db.Clusters, cluster, c => new Proto.ClusterDeleted { Cluster = c.ToProto() });
        return new();
    }

    /// <summary>认定, at a level in a year.</summary>
    public async Task<Proto.Cluster> RecognizeAsync(Write write, string name, string etag, ClusterLevel level, int year)
    {
        ServiceException.ThrowIfAny(ClusterRules.CheckRecognition(level, year));
        var cluster = await write.LoadAsync(db.Clusters, Cluster.Collection, name, "name", etag);
        var (previousState, previousLevel) = (cluster.State, cluster.Level);
        cluster.Recognize(level, year, write.Today.Year, write.Now, write.Actor);
        return write.Raise(
            cluster.ToProto(), p => new Proto.ClusterRecognized { Cluster = p, PreviousState = (Proto.ClusterState)previousState, PreviousLevel = (Proto.ClusterLevel)previousLevel }, cluster);
    }

    /// <summary>撤销, with a reason.</summary>
    public async Task<Proto.Cluster> RevokeAsync(Write write, string name, string etag, string reason)
    {
        reason = FieldText.RequireReason(reason);
        var cluster = await write.LoadAsync(db.Clusters, Cluster.Collection, name, "name", etag);
        cluster.Revoke(reason, write.Now, write.Actor);
        return write.Raise(cluster.ToProto(), p => new Proto.ClusterRevoked { Cluster = p }, cluster);
    }
}
