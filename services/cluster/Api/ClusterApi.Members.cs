using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Clusters.Data;
using Industry.ServiceDefaults.Pagination;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>集群成员: memberships, <c>clusters/{c}/members/{uscc}</c>, each shown with its enterprise's display name.</summary>
internal sealed partial class ClusterApi
{
    public override Task<Proto.ClusterMember> CreateClusterMember(Proto.CreateClusterMemberRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => members.CreateAsync(w, request.Parent, request.ClusterMember));

    public override async Task<Proto.ClusterMember> GetClusterMember(Proto.GetClusterMemberRequest request, ServerCallContext context)
    {
        var (clusterId, uscc) = ClusterMember.ParseName(request.Name);
        var row = await db.ClusterMembers.AsNoTracking()
            .Where(m => m.ClusterId == clusterId && m.Uscc == uscc)
            .Select(m => new { Member = m, db.Enterprises.Single(e => e.Uscc == m.Uscc).DisplayName })
            .SingleOrDefaultAsync(context.CancellationToken) ?? throw ServiceException.NotFound(request.Name);
        return row.Member.ToProto(row.DisplayName);
    }

    public override async Task<Proto.ListClusterMembersResponse> ListClusterMembers(Proto.ListClusterMembersRequest request, ServerCallContext context)
    {
        var clusterId = ResourceName.Id(request.Parent, Cluster.Collection, "parent");
        var query = clusterId == "-" ? db.ClusterMembers.AsNoTracking() : db.ClusterMembers.AsNoTracking().Where(m => m.ClusterId == clusterId);
        var (page, next) = await pageTokens.ListAsync(query, EnterpriseListing.MemberFilter, EnterpriseListing.MemberOrder, request, context.CancellationToken);
        await RequireParentAsync(clusterId, request.Parent, page.Count, context.CancellationToken);
        var usccs = page.Select(m => m.Uscc).Distinct().ToList();
        var names = await db.Enterprises.AsNoTracking().Where(e => usccs.Contains(e.Uscc))
            .ToDictionaryAsync(e => e.Uscc, e => e.DisplayName, context.CancellationToken);
        return new() { ClusterMembers = { page.Select(m => m.ToProto(names.GetValueOrDefault(m.Uscc, string.Empty))) }, NextPageToken = next };
    }

    public override Task<Empty> DeleteClusterMember(Proto.DeleteClusterMemberRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => members.DeleteAsync(w, request.Name));

    /// <summary>
    /// NOT_FOUND for a list under a cluster (not <c>clusters/-</c>) that does not exist: asked only when the page is empty,
    /// as it always is then (a cluster's children go with it).
    /// </summary>
    private async Task RequireParentAsync(string clusterId, string parent, int listed, CancellationToken cancellationToken)
    {
        if (listed == 0 && clusterId != "-" && !await db.Clusters.AnyAsync(c => c.Id == clusterId, cancellationToken))
        {
            throw ServiceException.NotFound(parent);
        }
    }
}
