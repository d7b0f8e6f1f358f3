using Industry.ServiceDefaults.Security;
using Proto = Industry.Clusters.V1;

namespace Industry.Cluster.Api;

/// <summary>Who may call what (DESIGN.md 3.5): reads need any role; every write of the cluster programme is the province admin's.</summary>
internal static class ClusterAccess
{
    public static readonly MethodPermissions Table = MethodPermissions.WritesNeed(Proto.ClusterService.Descriptor, Access.AdminWrite);
}
