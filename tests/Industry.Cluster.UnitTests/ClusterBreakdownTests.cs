using Industry.Clusters.Domain;

namespace Industry.Cluster.UnitTests;

public sealed class ClusterBreakdownTests
{
    private static readonly ClusterCell[] Cells =
    [
        new("340100", "AUTO", new(AdvancedManufacturingClusters: 1, InnovativeSmes: 3)),
        new("340100", "IT", new(InnovativeSmes: 2, AboveSizeEnterprisesTotal: 5)),
        new("340200", "AUTO", new(ProvincialSmeClusters: 1, NewAboveSizeEnterprises: 4)),
        new("340200", "", new(SpecializedSmes: 7)), // an enterprise without a 4+10 industry
        new("", "IT", new(NationalSmeClusters: 1)), // a cluster led from the province
        new("340300", "AUTO", ClusterCounts.Zero),
    ];

    [Fact]
    public void Province_IsTheSumOfEveryCellWithOrWithoutACityOrIndustry()
    {
        Assert.Equal(new ClusterCounts(1, 1, 1, 5, 7, 0, 0, 4, 5), ClusterBreakdown.Province(Cells));
    }

    [Fact]
    public void ByCity_SumsACitysCellsAndKeepsCitiesWithATargetButNothingCounted()
    {
        var cities = ClusterBreakdown.ByCity(Cells, ["341500", "340100"]);

        Assert.Equal(["340100", "340200", "341500"], cities.Select(c => c.CityCode));
        Assert.Equal(new ClusterCounts(AdvancedManufacturingClusters: 1, InnovativeSmes: 5, AboveSizeEnterprisesTotal: 5), cities[0].Counts);
        Assert.Equal(new ClusterCounts(ProvincialSmeClusters: 1, SpecializedSmes: 7, NewAboveSizeEnterprises: 4), cities[1].Counts);
        Assert.True(cities[2].Counts.IsZero);
    }

    [Fact]
    public void ByIndustry_SumsAnIndustrysCellsLeavingOutRecordsWithoutOneAndZeros()
    {
        var industries = ClusterBreakdown.ByIndustry(Cells);

        Assert.Equal(["AUTO", "IT"], industries.Select(i => i.IndustryCode));
        Assert.Equal(new ClusterCounts(AdvancedManufacturingClusters: 1, ProvincialSmeClusters: 1, InnovativeSmes: 3, NewAboveSizeEnterprises: 4), industries[0].Counts);
        Assert.Equal(new ClusterCounts(NationalSmeClusters: 1, InnovativeSmes: 2, AboveSizeEnterprisesTotal: 5), industries[1].Counts);
    }

    [Fact]
    public void CitiesAndIndustries_AddUpToTheProvinceLessTheRecordsWithoutOne()
    {
        var province = ClusterBreakdown.Province(Cells);
        var byCity = ClusterBreakdown.ByCity(Cells, []).Aggregate(ClusterCounts.Zero, (s, c) => s.Plus(c.Counts));

        Assert.Equal(province, byCity.Plus(new ClusterCounts(NationalSmeClusters: 1)));
    }

    [Theory]
    [InlineData(ClusterKind.SmeCharacteristic, ClusterLevel.Provincial, 0, 3, 0)]
    [InlineData(ClusterKind.SmeCharacteristic, ClusterLevel.National, 0, 0, 3)]
    [InlineData(ClusterKind.AdvancedManufacturing, ClusterLevel.National, 0, 0, 0)]
    public void Recognized_CountsOnlySmeClustersByLevel(ClusterKind kind, ClusterLevel level, int advanced, int provincial, int national)
    {
        var counts = ClusterCounts.Recognized(kind, level, 3);

        Assert.Equal((advanced, provincial, national), (counts.AdvancedManufacturingClusters, counts.ProvincialSmeClusters, counts.NationalSmeClusters));
    }

    [Fact]
    public void Granted_ChainLeaderIsNoFigure()
    {
        Assert.True(ClusterCounts.Granted(QualificationType.ChainLeader, 9).IsZero);
        Assert.Equal(9, ClusterCounts.Granted(QualificationType.SingleChampion, 9).SingleChampions);
    }
}
