using Industry.Clusters.Domain;

namespace Industry.Cluster.UnitTests;

/// <summary>A valid enterprise draft and enterprises for the qualification tests.</summary>
internal static class EnterpriseData
{
    public const int CurrentYear = 2024;

    public static readonly EnterpriseDraft Draft = new()
    {
        DisplayName = "合肥某动力电池有限公司",
        CountyCode = "340104",
        Gbt4754Class = "C3841",
        AboveSize = true,
        AboveSizeYear = 2021,
    };

    public static Enterprise NewEnterprise(int serial = 1) => Enterprise.Create(ClusterData.Uscc(serial), Draft, ClusterData.Now, "alice");
}
