using Google.Protobuf.WellKnownTypes;
using Industry.Clusters.Api;
using Industry.Clusters.Data;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Writes;

/// <summary>
/// 集群成员: adding and removing memberships, <c>clusters/{c}/members/{uscc}</c>. A membership changes the member's
/// <c>clusters</c>, so it increments the enterprise's version, which is also the membership events' subject version
/// (monotonic per membership, across removal and re-adding).
/// </summary>
internal sealed class ClusterMemberWrites(ClusterDbContext db, EnterpriseWrites enterprises)
{
    public async Task<Proto.ClusterMember> CreateAsync(Write write, string parent, Proto.ClusterMember? requested)
    {
        var clusterId = ResourceName.Id(parent, Cluster.Collection, "parent");
        requested = RequiredFields.Required(requested, "cluster_member");
        var enterpriseName = requested.Enterprise.Trim();
        var uscc = ResourceName.IsName(enterpriseName, Enterprise.Collection) ? EnterpriseListing.UsccOf(enterpriseName) : string.Empty;
        ServiceException.ThrowIfAny(new Violations("cluster_member.")
            .Add("enterprise", uscc.Length == 0 ? $"must be a resource name '{Enterprise.Collection}/{{uscc}}'."
                : Uscc.Problem(uscc) is { } problem ? $"the USCC {problem}" : null)
            .Add("join_year", EnterpriseRules.JoinYearProblem(requested.JoinYear, write.Today.Year)));
        var state = await db.Clusters.Where(c => c.Id == clusterId).Select(c => (ClusterState?)c.State).SingleOrDefaultAsync(write.CancellationToken)
            ?? throw ServiceException.NotFound(parent);
        if (state == ClusterState.Revoked)
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "CLUSTER_REVOKED",
                $"{parent} is revoked; a revoked cluster takes no new members.",
                new Dictionary<string, string> { ["resource"] = parent, ["current_state"] = ClusterLifecycle.ApiName(state) });
        }

        var enterprise = await enterprises.LoadAsync(write, Enterprise.Collection + "/" + uscc, "cluster_member.enterprise", etag: null);
        var member = new ClusterMember(clusterId, uscc, requested.JoinYear, write.Now, write.Actor);
        if (enterprise.Memberships.Any(m => m.ClusterId == clusterId))
        {
            throw ServiceException.AlreadyExists(member.Name);
        }

        enterprise.Memberships.Add(member);
        enterprise.TouchMemberships(write.Now, write.Actor);
        var proto = member.ToProto(enterprise.DisplayName);
        write.Raise(new Proto.ClusterMemberAdded { ClusterMember = proto }, member.Name, enterprise.Version);
        return proto;
    }

    public async Task<Empty> DeleteAsync(Write write, string name)
    {
        var (clusterId, uscc) = ClusterMember.ParseName(name);
        var enterprise = await db.Enterprises.Include(e => e.Memberships)
            .SingleOrDefaultAsync(e => e.Uscc == uscc && e.Memberships.Any(m => m.ClusterId == clusterId), write.CancellationToken)
            ?? throw ServiceException.NotFound(name);
        Remove(write, db, enterprise, clusterId);
        return new();
    }

    /// <summary>
    /// Takes <paramref name="enterprise"/> (loaded tracked with its memberships) out of the cluster
    /// <paramref name="clusterId"/>, with its <c>ClusterMemberRemoved</c>: a removal asked for, or one a forced delete of
    /// the cluster takes along.
    /// </summary>
    public static void Remove(Write write, ClusterDbContext db, Enterprise enterprise, string clusterId)
    {
        var member = enterprise.Memberships.Single(m => m.ClusterId == clusterId);
        enterprise.Memberships.Remove(member);
        db.ClusterMembers.Remove(member);
        enterprise.TouchMemberships(write.Now, write.Actor);
        write.Raise(new Proto.ClusterMemberRemoved { ClusterMember = member.ToProto(enterprise.DisplayName) }, member.Name, enterprise.Version);
    }
}
