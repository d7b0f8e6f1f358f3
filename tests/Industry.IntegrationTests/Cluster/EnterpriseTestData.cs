using static Industry.IntegrationTests.Cluster.ClusterTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>Valid enterprises with fresh USCCs, and the calls the enterprise tests repeat.</summary>
internal static class EnterpriseTestData
{
    /// <summary>A valid USCC no other test uses (random serial; the check character computed).</summary>
    public static string NewUscc() => Uscc(Random.Shared.Next(1, 999_999_999));

    /// <summary>A valid above-size battery maker in a Hefei county, of <paramref name="county"/> when given.</summary>
    public static Proto.Enterprise NewEnterprise(string? uscc = null, string county = "340104", string displayName = "合肥某动力电池有限公司") => new()
    {
        Uscc = uscc ?? NewUscc(),
        DisplayName = displayName,
        CountyCode = county,
        Gbt4754Class = "C3841",
        AboveSize = true,
        AboveSizeYear = 2021,
    };

    public static Task<Proto.Enterprise> CreateEnterpriseAsync(this Proto.ClusterService.ClusterServiceClient client, Proto.Enterprise? enterprise = null) =>
        client.CreateEnterpriseAsync(new Proto.CreateEnterpriseRequest { Enterprise = enterprise ?? NewEnterprise() }, Deadline).ResponseAsync;

    public static Task<Proto.Enterprise> GrantAsync(this Proto.ClusterService.ClusterServiceClient client, Proto.Enterprise enterprise, Proto.QualificationType type, int year) =>
        client.GrantQualificationAsync(new Proto.GrantQualificationRequest { Name = enterprise.Name, Type = type, Year = year }, Deadline).ResponseAsync;

    public static Task<Proto.ClusterMember> AddMemberAsync(this Proto.ClusterService.ClusterServiceClient client, Proto.Cluster cluster, Proto.Enterprise enterprise, int joinYear = 2022) =>
        client.CreateClusterMemberAsync(
            new Proto.CreateClusterMemberRequest { Parent = cluster.Name, ClusterMember = new Proto.ClusterMember { Enterprise = enterprise.Name, JoinYear = joinYear } },
            Deadline).ResponseAsync;

    public static async Task<Proto.Enterprise> GetEnterpriseAsync(this Proto.ClusterService.ClusterServiceClient client, string name) =>
        await client.GetEnterpriseAsync(new Proto.GetEnterpriseRequest { Name = name }, Deadline);
}
