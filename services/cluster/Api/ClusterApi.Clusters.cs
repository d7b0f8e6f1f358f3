using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Clusters.Data;
using Industry.Clusters.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Resources;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>The cluster resource: standard methods and the recognition lifecycle.</summary>
internal sealed partial class ClusterApi
{
    public override async Task<Proto.Cluster> GetCluster(Proto.GetClusterRequest request, ServerCallContext context) =>
        (await FindClusterAsync(request.Name, "name", tracking: false, context.CancellationToken)).ToProto();

    public override async Task<Proto.ListClustersResponse> ListClusters(Proto.ListClustersRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Normalize(request.PageSize);
        var order = ListQueries.OrderClusters(request.OrderBy);
        var query = ListQueries.FilterClusters(db.Clusters.AsNoTracking(), request.Filter);
        var scope = PageTokenCodec.Scope(nameof(ListClusters), request.Filter, request.OrderBy);
        if (request.PageToken.Length > 0)
        {
            query = order.After(query, pageTokens.Decode(request.PageToken, scope));
        }

        var page = await order.Apply(query).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var response = new Proto.ListClustersResponse { Clusters = { page.Take(pageSize).Select(c => c.ToProto()) } };
        if (page.Count > pageSize)
        {
            response.NextPageToken = pageTokens.Encode(scope, order.KeysOf(page[pageSize - 1]));
        }

        return response;
    }

    public override Task<Proto.Cluster> CreateCluster(Proto.CreateClusterRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => CreateClusterOnceAsync(request, context));

    private async Task<Proto.Cluster> CreateClusterOnceAsync(Proto.CreateClusterRequest request, ServerCallContext context)
    {
        var draft = (request.Cluster ?? throw ServiceException.InvalidArgument("cluster", "is required.")).ToDraft();
        var violations = ClusterRules.Check(draft).ToList();
        if (request.ClusterId.Length > 0 && !ResourceName.IsValidId(request.ClusterId))
        {
            violations.Add(new FieldViolation("cluster_id", ResourceName.IdRule));
        }

        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        // No natural key to derive a readable id from: a server-assigned id is random, and starts with a letter (AIP-122).
        var id = request.ClusterId.Length > 0 ? request.ClusterId : "c-" + Guid.NewGuid().ToString("N");
        if (await db.Clusters.AnyAsync(c => c.Id == id, context.CancellationToken))
        {
            throw ServiceException.AlreadyExists(Cluster.Collection + "/" + id);
        }

        var actor = Actor.Of(context);
        var previousVersion = await db.LastVersionAsync(Cluster.Collection + "/" + id, context.CancellationToken); // deleted before: go on from there
        var cluster = Cluster.Create(id, draft, Now, actor, previousVersion);
        db.Clusters.Add(cluster);
        var proto = cluster.ToProto();
        outbox.Add(new Proto.ClusterCreated { Cluster = proto }, cluster.Name, cluster.Version, actor);
        idempotency.Record(proto);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }

    public override async Task<Proto.Cluster> UpdateCluster(Proto.UpdateClusterRequest request, ServerCallContext context)
    {
        var requested = request.Cluster ?? throw ServiceException.InvalidArgument("cluster", "is required.");
        var cluster = await FindClusterAsync(requested.Name, "cluster.name", tracking: true, context.CancellationToken);
        Etag.Require(requested.Etag, cluster.Version, cluster.Name);
        if (requested.Kind != Proto.ClusterKind.Unspecified && (ClusterKind)requested.Kind != cluster.Kind)
        {
            throw ServiceException.InvalidArgument("cluster.kind", "is immutable (fixed at creation).");
        }

        var merged = ClusterMapping.Editable.Merge(cluster.ToDraft(), requested.ToDraft(), request.UpdateMask);
        var violations = ClusterRules.Check(merged);
        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        var actor = Actor.Of(context);
        var changed = cluster.Revise(merged, Now, actor);
        var proto = cluster.ToProto();
        if (changed.Count > 0)
        {
            outbox.Add(new Proto.ClusterUpdated { Cluster = proto, UpdateMask = new FieldMask { Paths = { changed } } }, cluster.Name, cluster.Version, actor);
            await db.SaveChangesAsync(context.CancellationToken);
        }

        return proto;
    }

    public override async Task<Empty> DeleteCluster(Proto.DeleteClusterRequest request, ServerCallContext context)
    {
        var cluster = await FindClusterAsync(request.Name, "name", tracking: true, context.CancellationToken);
        Etag.Require(request.Etag, cluster.Version, cluster.Name);
        if (!request.Force && await db.ClusterMembers.AnyAsync(m => m.ClusterId == cluster.Id, context.CancellationToken))
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "CLUSTER_HAS_MEMBERS",
                $"{cluster.Name} has members; remove them first or set force.",
                new Dictionary<string, string> { ["resource"] = cluster.Name });
        }

        if (!request.Force && await db.RevenueReports.AnyAsync(r => r.ClusterId == cluster.Id, context.CancellationToken))
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "CLUSTER_HAS_REVENUE_REPORTS",
                $"{cluster.Name} has revenue reports; delete them first or set force.",
                new Dictionary<string, string> { ["resource"] = cluster.Name });
        }

        var actor = Actor.Of(context);
        cluster.MarkDeleted(Now, actor);
        outbox.Add(new Proto.ClusterDeleted { Cluster = cluster.ToProto() }, cluster.Name, cluster.Version, actor);
        await db.BuryAsync(cluster.Name, cluster.Version, Now, context.CancellationToken);
        db.Clusters.Remove(cluster); // its recognitions and (forced) members and revenue reports go with it (cascade), without events of their own
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (request.Force)
        {
            // The members' clusters lists change: their versions (etags) too, in the same transaction, in one statement.
            var now = Now;
            await db.Enterprises.Where(e => e.Memberships.Any(m => m.ClusterId == cluster.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Version, e => e.Version + 1).SetProperty(e => e.UpdateTime, now).SetProperty(e => e.UpdateActor, actor), context.CancellationToken);
        }

        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return new Empty();
    }

    public override Task<Proto.Cluster> RecognizeCluster(Proto.RecognizeClusterRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => RecognizeClusterOnceAsync(request, context));

    private async Task<Proto.Cluster> RecognizeClusterOnceAsync(Proto.RecognizeClusterRequest request, ServerCallContext context)
    {
        var level = (ClusterLevel)request.Level;
        var violations = ClusterRules.CheckRecognition(level, request.Year);
        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        var cluster = await FindClusterAsync(request.Name, "name", tracking: true, context.CancellationToken);
        Etag.Require(request.Etag, cluster.Version, cluster.Name);

        var actor = Actor.Of(context);
        var (previousState, previousLevel) = (cluster.State, cluster.Level);
        cluster.Recognize(level, request.Year, ChinaTime.Today(clock).Year, Now, actor);
        var proto = cluster.ToProto();
        outbox.Add(
            new Proto.ClusterRecognized { Cluster = proto, PreviousState = (Proto.ClusterState)previousState, PreviousLevel = (Proto.ClusterLevel)previousLevel },
            cluster.Name,
            cluster.Version,
            actor);
        idempotency.Record(proto);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }

    public override Task<Proto.Cluster> RevokeCluster(Proto.RevokeClusterRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => RevokeClusterOnceAsync(request, context));

    private async Task<Proto.Cluster> RevokeClusterOnceAsync(Proto.RevokeClusterRequest request, ServerCallContext context)
    {
        var reason = request.Reason.Trim();
        if (ClusterRules.ReasonProblem(reason) is { } problem)
        {
            throw ServiceException.InvalidArgument("reason", problem);
        }

        var cluster = await FindClusterAsync(request.Name, "name", tracking: true, context.CancellationToken);
        Etag.Require(request.Etag, cluster.Version, cluster.Name);

        var actor = Actor.Of(context);
        cluster.Revoke(reason, Now, actor);
        var proto = cluster.ToProto();
        outbox.Add(new Proto.ClusterRevoked { Cluster = proto }, cluster.Name, cluster.Version, actor);
        idempotency.Record(proto);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }

    private async Task<Cluster> FindClusterAsync(string name, string field, bool tracking, CancellationToken cancellationToken)
    {
        var id = ResourceName.Id(name, Cluster.Collection, field);
        var query = tracking ? db.Clusters : db.Clusters.AsNoTracking();
        return await query.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw ServiceException.NotFound(name);
    }
}
