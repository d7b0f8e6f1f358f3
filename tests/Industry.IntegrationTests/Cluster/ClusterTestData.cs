using Grpc.Core;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>Valid clusters, fresh ids and USCCs for the cluster API tests: each test creates the rows it reads.</summary>
internal static class ClusterTestData
{
    public static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    /// <summary>An id no other test uses: <paramref name="prefix"/> and a random suffix.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A valid USCC of a Hefei enterprise, different for each <paramref name="serial"/>.</summary>
    public static string Uscc(int serial)
    {
        var first17 = $"91340100{serial:D9}";
        return first17 + ServiceDefaults.Reference.Uscc.CheckCharacter(first17);
    }

    /// <summary>A valid advanced-manufacturing cluster led by a Hefei county.</summary>
    public static Proto.Cluster NewCluster(string hostPark = "parks/hefei-hitech", string displayName = "合肥市新能源汽车产业集群") => new()
    {
        DisplayName = displayName,
        Kind = Proto.ClusterKind.AdvancedManufacturing,
        Industry = "industries/AUTO",
        LeadDivisionCode = "340104",
        HostParkDisplayName = "合肥高新技术产业开发区",
        HostPark = hostPark,
        ChainLeaders = { "enterprises/91340000711771143J", "enterprises/" + Uscc(1) },
        Description = "整车及动力电池",
    };

    public static Task<Proto.Cluster> CreateAsync(this Proto.ClusterService.ClusterServiceClient client, Proto.Cluster cluster, string? id = null) =>
        client.CreateClusterAsync(new Proto.CreateClusterRequest { Cluster = cluster, ClusterId = id ?? NewId("c") }, Deadline).ResponseAsync;

    public static Task<Proto.Cluster> RecognizeAsync(this Proto.ClusterService.ClusterServiceClient client, Proto.Cluster cluster, Proto.ClusterLevel level, int year) =>
        client.RecognizeClusterAsync(new Proto.RecognizeClusterRequest { Name = cluster.Name, Level = level, Year = year }, Deadline).ResponseAsync;
}
