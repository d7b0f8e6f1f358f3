using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Clusters.Data;
using Industry.Clusters.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Resources;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>
/// 集群成员: memberships, <c>clusters/{c}/members/{uscc}</c>. A membership changes the member's <c>clusters</c>, so it
/// increments the enterprise's version, which is also the membership events' subject version (monotonic per membership,
/// across removal and re-adding).
/// </summary>
internal sealed partial class ClusterApi
{
    public override Task<Proto.ClusterMember> CreateClusterMember(Proto.CreateClusterMemberRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => CreateClusterMemberOnceAsync(request, context));

    private async Task<Proto.ClusterMember> CreateClusterMemberOnceAsync(Proto.CreateClusterMemberRequest request, ServerCallContext context)
    {
        var clusterId = ResourceName.Id(request.Parent, Cluster.Collection, "parent");
        var requested = request.ClusterMember ?? throw ServiceException.InvalidArgument("cluster_member", "is required.");
        var violations = new List<FieldViolation>();
        var enterpriseName = requested.Enterprise.Trim();
        var uscc = ResourceName.IsName(enterpriseName, Enterprise.Collection) ? EnterpriseListing.UsccOf(enterpriseName) : string.Empty;
        if (uscc.Length == 0)
        {
            violations.Add(new("cluster_member.enterprise", $"must be a resource name '{Enterprise.Collection}/{{uscc}}'."));
        }
        else if (EnterpriseRules.UsccProblem(uscc) is { } problem)
        {
            violations.Add(new("cluster_member.enterprise", $"the USCC {problem}"));
        }

        if (EnterpriseRules.JoinYearProblem(requested.JoinYear, ChinaTime.Today(clock).Year) is { } yearProblem)
        {
            violations.Add(new("cluster_member.join_year", yearProblem));
        }

        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        var cluster = await db.Clusters.AsNoTracking().Where(c => c.Id == clusterId).Select(c => new { c.State }).SingleOrDefaultAsync(context.CancellationToken)
            ?? throw ServiceException.NotFound(request.Parent);
        if (cluster.State == ClusterState.Revoked)
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "CLUSTER_REVOKED",
                $"{request.Parent} is revoked; a revoked cluster takes no new members.",
                new Dictionary<string, string> { ["resource"] = request.Parent, ["current_state"] = ClusterLifecycle.ApiName(cluster.State) });
        }

        var enterprise = await FindEnterpriseAsync(Enterprise.Collection + "/" + uscc, "cluster_member.enterprise", tracking: true, context.CancellationToken);
        var member = new ClusterMember(clusterId, uscc, requested.JoinYear, Now, Actor.Of(context));
        if (enterprise.Memberships.Any(m => m.ClusterId == clusterId))
        {
            throw ServiceException.AlreadyExists(member.Name);
        }

        enterprise.Memberships.Add(member);
        enterprise.TouchMemberships(Now, member.CreateActor);
        var proto = member.ToProto(enterprise.DisplayName);
        outbox.Add(new Proto.ClusterMemberAdded { ClusterMember = proto }, member.Name, enterprise.Version, member.CreateActor);
        idempotency.Record(proto);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }

    public override async Task<Proto.ClusterMember> GetClusterMember(Proto.GetClusterMemberRequest request, ServerCallContext context)
    {
        var (clusterId, uscc) = ParseMemberName(request.Name);
        var row = await db.ClusterMembers.AsNoTracking()
            .Where(m => m.ClusterId == clusterId && m.Uscc == uscc)
            .Select(m => new { Member = m, db.Enterprises.Single(e => e.Uscc == m.Uscc).DisplayName })
            .SingleOrDefaultAsync(context.CancellationToken) ?? throw ServiceException.NotFound(request.Name);
        return row.Member.ToProto(row.DisplayName);
    }

    public override async Task<Proto.ListClusterMembersResponse> ListClusterMembers(Proto.ListClusterMembersRequest request, ServerCallContext context)
    {
        var clusterId = ResourceName.Id(request.Parent, Cluster.Collection, "parent");
        var pageSize = PageSize.Normalize(request.PageSize);
        var filter = EnterpriseListing.MemberFilter.Translate(request.Filter);
        var order = EnterpriseListing.MemberOrder.Parse(null);
        var scope = PageTokenCodec.Scope(nameof(ListClusterMembers), request.Parent, request.Filter);
        IQueryable<ClusterMember> query = db.ClusterMembers.AsNoTracking();
        if (clusterId != "-")
        {
            if (!await db.Clusters.AnyAsync(c => c.Id == clusterId, context.CancellationToken))
            {
                throw ServiceException.NotFound(request.Parent);
            }

            query = query.Where(m => m.ClusterId == clusterId);
        }

        if (filter is not null)
        {
            query = query.Where(filter);
        }

        if (request.PageToken.Length > 0)
        {
            query = order.After(query, pageTokens.Decode(request.PageToken, scope));
        }

        var page = await order.Apply(query).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var usccs = page.Select(m => m.Uscc).Distinct().ToList();
        var names = await db.Enterprises.AsNoTracking().Where(e => usccs.Contains(e.Uscc))
            .ToDictionaryAsync(e => e.Uscc, e => e.DisplayName, context.CancellationToken);
        var response = new Proto.ListClusterMembersResponse
        {
            ClusterMembers = { page.Take(pageSize).Select(m => m.ToProto(names.GetValueOrDefault(m.Uscc, string.Empty))) },
        };
        if (page.Count > pageSize)
        {
            response.NextPageToken = pageTokens.Encode(scope, order.TokenKeys(page[pageSize - 1]));
        }

        return response;
    }

    public override async Task<Empty> DeleteClusterMember(Proto.DeleteClusterMemberRequest request, ServerCallContext context)
    {
        var (clusterId, uscc) = ParseMemberName(request.Name);
        var enterprise = await db.Enterprises.Include(e => e.Memberships)
            .SingleOrDefaultAsync(e => e.Uscc == uscc && e.Memberships.Any(m => m.ClusterId == clusterId), context.CancellationToken)
            ?? throw ServiceException.NotFound(request.Name);
        var member = enterprise.Memberships.Single(m => m.ClusterId == clusterId);

        var actor = Actor.Of(context);
        enterprise.Memberships.Remove(member);
        db.ClusterMembers.Remove(member);
        enterprise.TouchMemberships(Now, actor);
        outbox.Add(new Proto.ClusterMemberRemoved { ClusterMember = member.ToProto(enterprise.DisplayName) }, member.Name, enterprise.Version, actor);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    private static (string ClusterId, string Uscc) ParseMemberName(string name)
    {
        var (clusterId, uscc) = ResourceName.ChildId(name, Cluster.Collection, ClusterMember.Collection);
        return (clusterId, uscc.ToUpperInvariant());
    }
}
