using Industry.Clusters.Domain;

namespace Industry.Cluster.UnitTests;

/// <summary>A valid cluster draft and valid USCCs for the tests.</summary>
internal static class ClusterData
{
    public static readonly DateTime Now = new(2024, 5, 20, 8, 0, 0, DateTimeKind.Utc);

    public static readonly ClusterDraft Draft = new()
    {
        DisplayName = "合肥市新能源汽车产业集群",
        Kind = ClusterKind.AdvancedManufacturing,
        Industry = "industries/AUTO",
        LeadDivisionCode = "340104",
        HostParkDisplayName = "合肥高新技术产业开发区",
        HostPark = "parks/hefei-hitech",
        ChainLeaders = ["enterprises/91340000711771143J", "enterprises/" + Uscc(1)],
        Description = "整车及动力电池",
    };

    /// <summary>A valid USCC of a Hefei enterprise, different for each <paramref name="serial"/>.</summary>
    public static string Uscc(int serial)
    {
        var first17 = $"91340100{serial:D9}";
        return first17 + ServiceDefaults.Reference.Uscc.CheckCharacter(first17);
    }

    public static Clusters.Domain.Cluster NewCluster() => Clusters.Domain.Cluster.Create("hefei-ev", Draft, Now, "alice");
}
