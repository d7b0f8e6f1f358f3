using Industry.Clusters.Domain;

namespace Industry.Cluster.UnitTests;

public sealed class ClusterTargetsTests
{
    private static readonly ClusterTargetsDraft None = new(null, null, null, null, null, null, null, null, [], []);

    [Fact]
    public void Start_WithCityTargets_ReportsThemAsOneChangedPath()
    {
        var targets = new ClusterTargets(2025);

        var changed = targets.Start(None with { InnovativeSmes = 3000, CityTargets = [City("340100", 500)] }, ClusterData.Now, "admin");

        Assert.Equal(["innovative_smes", "city_targets"], changed);
    }

    [Fact]
    public void Revise_CitiesInAnotherOrder_AreUnchanged_ButAChangedShareIsAChange()
    {
        var targets = new ClusterTargets(2025);
        targets.Start(None with { CityTargets = [City("340200", 1), City("340100", 2)] }, ClusterData.Now, "admin");

        Assert.Empty(targets.Revise(None with { CityTargets = [City("340100", 2), City("340200", 1)] }, ClusterData.Now, "admin"));
        Assert.Equal(["city_targets"], targets.Revise(None with { CityTargets = [City("340100", 3), City("340200", 1)] }, ClusterData.Now, "admin"));
        Assert.Equal(["340100", "340200"], targets.CityTargets.Select(c => c.CityCode));
    }

    [Fact]
    public void Check_CityTargets_AreCitiesOfAnhuiOnceEachWithNonNegativeShares_WhateverTheirSum()
    {
        var draft = None with
        {
            InnovativeSmes = 10,
            CityTargets = [City("340100", 11), City("340104", 1), City("110100", 1), City("340200", -1), City("340200", 0)],
        };

        var violations = ClusterTargets.Fields.Check(draft, "cluster_targets.");

        Assert.Equal(
            ["cluster_targets.city_targets[1].city_code", "cluster_targets.city_targets[2].city_code", "cluster_targets.city_targets[3].innovative_smes", "cluster_targets.city_targets[4].city_code"],
            violations.Select(v => v.Field));
    }

    [Fact]
    public void Check_ClusterRevenueTargets_AreClusterNamesOnceEachWithPositiveRevenues()
    {
        var draft = None with
        {
            ClusterRevenueTargets =
            [
                new("clusters/china-speech-valley", 350_000_000_000), new("speech-valley", 1), new("clusters/a", 0),
                new("clusters/china-speech-valley", 1), new("clusters/b", RevenueRules.MaxRevenueYuan + 1),
            ],
        };

        var violations = ClusterTargets.Fields.Check(draft, "cluster_targets.");

        Assert.Equal(
            ["cluster_targets.cluster_revenue_targets[1].cluster", "cluster_targets.cluster_revenue_targets[2].revenue_yuan", "cluster_targets.cluster_revenue_targets[3].cluster", "cluster_targets.cluster_revenue_targets[4].revenue_yuan"],
            violations.Select(v => v.Field));
    }

    [Fact]
    public void Revise_ClusterRevenueTargets_AreOneChangedPathAndKeptByClusterName()
    {
        var targets = new ClusterTargets(2024);
        targets.Start(None with { ClusterRevenueTargets = [new("clusters/b", 2), new("clusters/a", 1)] }, ClusterData.Now, "admin");

        Assert.Empty(targets.Revise(None with { ClusterRevenueTargets = [new("clusters/a", 1), new("clusters/b", 2)] }, ClusterData.Now, "admin"));
        Assert.Equal(["cluster_revenue_targets"], targets.Revise(None with { ClusterRevenueTargets = [new("clusters/a", 3)] }, ClusterData.Now, "admin"));
        Assert.Equal([new ClusterRevenueTarget("clusters/a", 3)], targets.ClusterRevenueTargets);
    }

    private static ClusterCityTarget City(string code, int innovativeSmes) => new(code, null, null, null, innovativeSmes, null, null, null, null);
}
