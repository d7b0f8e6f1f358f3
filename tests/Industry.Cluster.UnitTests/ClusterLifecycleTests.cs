using Industry.Clusters.Domain;

namespace Industry.Cluster.UnitTests;

public sealed class ClusterLifecycleTests
{
    [Theory]
    [InlineData(ClusterState.Cultivating, ClusterLevel.None, ClusterLevel.Provincial)]
    [InlineData(ClusterState.Cultivating, ClusterLevel.None, ClusterLevel.National)]
    [InlineData(ClusterState.Recognized, ClusterLevel.Provincial, ClusterLevel.National)]
    public void CanRecognize_DesignedStep_IsAllowed(ClusterState state, ClusterLevel level, ClusterLevel target) =>
        Assert.True(ClusterLifecycle.CanRecognize(state, level, target));

    [Fact]
    public void CanRecognize_EveryOtherCombination_IsRefused()
    {
        var allowed = new HashSet<(ClusterState, ClusterLevel, ClusterLevel)>
        {
            (ClusterState.Cultivating, ClusterLevel.None, ClusterLevel.Provincial),
            (ClusterState.Cultivating, ClusterLevel.None, ClusterLevel.National),
            (ClusterState.Recognized, ClusterLevel.Provincial, ClusterLevel.National),
        };

        foreach (var state in Enum.GetValues<ClusterState>())
        {
            foreach (var level in Enum.GetValues<ClusterLevel>())
            {
                foreach (var target in Enum.GetValues<ClusterLevel>())
                {
                    if (state == ClusterState.Cultivating && level != ClusterLevel.None)
                    {
                        continue; // a cultivating cluster holds no level
                    }

                    Assert.Equal(allowed.Contains((state, level, target)), ClusterLifecycle.CanRecognize(state, level, target));
                }
            }
        }
    }

    [Theory]
    [InlineData(ClusterState.Cultivating, false)]
    [InlineData(ClusterState.Recognized, true)]
    [InlineData(ClusterState.Revoked, false)]
    public void CanRevoke_OnlyWhenRecognized(ClusterState state, bool allowed) => Assert.Equal(allowed, ClusterLifecycle.CanRevoke(state));

    [Theory]
    [InlineData(ClusterState.Cultivating, ClusterLevel.None, "RecognizeCluster(CLUSTER_LEVEL_PROVINCIAL),RecognizeCluster(CLUSTER_LEVEL_NATIONAL)")]
    [InlineData(ClusterState.Recognized, ClusterLevel.Provincial, "RecognizeCluster(CLUSTER_LEVEL_NATIONAL),RevokeCluster")]
    [InlineData(ClusterState.Recognized, ClusterLevel.National, "RevokeCluster")]
    [InlineData(ClusterState.Revoked, ClusterLevel.National, "")]
    public void AllowedTransitions_InApiTerms(ClusterState state, ClusterLevel level, string expected) =>
        Assert.Equal(expected, string.Join(",", ClusterLifecycle.AllowedTransitions(state, level)));

    [Fact]
    public void ApiName_EveryValue_IsTheProtoName()
    {
        Assert.Equal(
            ["CLUSTER_STATE_CULTIVATING", "CLUSTER_STATE_RECOGNIZED", "CLUSTER_STATE_REVOKED"],
            Enum.GetValues<ClusterState>().Select(ClusterLifecycle.ApiName));
        Assert.Equal(
            ["CLUSTER_LEVEL_UNSPECIFIED", "CLUSTER_LEVEL_PROVINCIAL", "CLUSTER_LEVEL_NATIONAL"],
            Enum.GetValues<ClusterLevel>().Select(ClusterLifecycle.ApiName));
        Assert.Equal(
            ["CLUSTER_KIND_ADVANCED_MANUFACTURING", "CLUSTER_KIND_SME_CHARACTERISTIC"],
            Enum.GetValues<ClusterKind>().Select(ClusterLifecycle.ApiName));
    }

    [Fact]
    public void DomainEnums_MirrorTheProtoNumbers()
    {
        Assert.Equal([1, 2], Enum.GetValues<ClusterKind>().Select(v => (int)v));
        Assert.Equal(Enum.GetValues<ClusterKind>().Select(v => v.ToString()), Enum.GetValues<ClusterKind>().Select(v => ((Clusters.V1.ClusterKind)(int)v).ToString()));
        Assert.Equal(Enum.GetValues<ClusterState>().Select(v => v.ToString()), Enum.GetValues<ClusterState>().Select(v => ((Clusters.V1.ClusterState)(int)v).ToString()));
        Assert.Equal(["Unspecified", "Provincial", "National"], Enum.GetValues<ClusterLevel>().Select(v => ((Clusters.V1.ClusterLevel)(int)v).ToString()));
    }
}
