using Grpc.Core;
using static Industry.ServiceDefaults.Errors.RequiredFields;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>年度目标: the programme's targets per year, listed latest first and set by UpdateClusterTargets (with upsert).</summary>
internal sealed partial class ClusterApi
{
    public override async Task<Proto.ClusterTargets> GetClusterTargets(Proto.GetClusterTargetsRequest request, ServerCallContext context) =>
        (await db.ClusterTargets.GetTargetsAsync(ClusterTargets.Collection, request.Name, context.CancellationToken)).ToProto();

    public override async Task<Proto.ListClusterTargetsResponse> ListClusterTargets(Proto.ListClusterTargetsRequest request, ServerCallContext context)
    {
        var (page, next, total) = await pageTokens.ListTargetsAsync(db.ClusterTargets, request, context.CancellationToken);
        return new() { ClusterTargets = { page.Select(t => t.ToProto()) }, NextPageToken = next, TotalSize = total };
    }

    public override Task<Proto.ClusterTargets> UpdateClusterTargets(Proto.UpdateClusterTargetsRequest request, ServerCallContext context)
    {
        var t = Required(request.ClusterTargets, "cluster_targets");
        var update = new TargetsUpdate<ClusterTargetsDraft>("cluster_targets", t.Name, t.Etag, t.ToRecord<ClusterTargetsDraft>(), request.UpdateMask, request.AllowMissing);
        return writes.RunAsync(request, context, w => targets.UpdateAsync(w, update));
    }
}
