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

        // Its recognitions and (forced) members and revenue reports go with it by cascade, without events of their own.
        await write.DeleteAsync(db.Clusters, cluster, c => new Proto.ClusterDeleted { Cluster = c.ToProto() });
        if (force)
        {
            // The members' clusters lists change: their versions (etags) too, in the same transaction, in one statement.
            var (now, actor) = (write.Now, write.Actor);
            await write.ExecuteAsync(ct => db.Enterprises.Where(e => e.Memberships.Any(m => m.ClusterId == cluster.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Version, e => e.Version + 1).SetProperty(e => e.UpdateTime, now).SetProperty(e => e.UpdateActor, actor), ct));
        }

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
