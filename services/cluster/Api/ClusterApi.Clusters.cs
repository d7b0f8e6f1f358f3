using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Clusters.Data;
using Industry.ServiceDefaults.Pagination;
using Microsoft.EntityFrameworkCore;
using static Industry.ServiceDefaults.Errors.RequiredFields;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>The cluster resource: standard methods and the recognition ladder (RecognizeCluster, RevokeCluster).</summary>
internal sealed partial class ClusterApi
{
    public override async Task<Proto.Cluster> GetCluster(Proto.GetClusterRequest request, ServerCallContext context) =>
        (await db.Clusters.GetAsync(Cluster.Collection, request.Name, "name", context.CancellationToken)).ToProto();

    public override async Task<Proto.ListClustersResponse> ListClusters(Proto.ListClustersRequest request, ServerCallContext context)
    {
        var (page, next) = await pageTokens.ListAsync(db.Clusters.AsNoTracking(), ClusterListing.Filter, ClusterListing.Order, request, context.CancellationToken);
        return new() { Clusters = { page.Select(c => c.ToProto()) }, NextPageToken = next };
    }

    public override Task<Proto.Cluster> CreateCluster(Proto.CreateClusterRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => clusters.CreateAsync(w, request.ClusterId, Required(request.Cluster, "cluster").ToDraft()));

    public override Task<Proto.Cluster> UpdateCluster(Proto.UpdateClusterRequest request, ServerCallContext context)
    {
        var cluster = Required(request.Cluster, "cluster");
        return writes.RunAsync(request, context, w => clusters.UpdateAsync(w, cluster.Name, cluster.Etag, cluster.ToDraft(), request.UpdateMask));
    }

    public override Task<Empty> DeleteCluster(Proto.DeleteClusterRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => clusters.DeleteAsync(w, request.Name, request.Etag, request.Force));

    public override Task<Proto.Cluster> RecognizeCluster(Proto.RecognizeClusterRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => clusters.RecognizeAsync(w, request.Name, request.Etag, (ClusterLevel)request.Level, request.Year));

    public override Task<Proto.Cluster> RevokeCluster(Proto.RevokeClusterRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => clusters.RevokeAsync(w, request.Name, request.Etag, request.Reason));
}
