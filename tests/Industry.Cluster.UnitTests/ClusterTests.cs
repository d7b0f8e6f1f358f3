using Industry.Clusters.Domain;
using Industry.ServiceDefaults.Errors;
using static Industry.Cluster.UnitTests.ClusterData;

namespace Industry.Cluster.UnitTests;

public sealed class ClusterTests
{
    [Fact]
    public void Create_Draft_IsCultivatingWithDerivedCity()
    {
        var cluster = NewCluster();

        Assert.Equal((ClusterState.Cultivating, ClusterLevel.None, 0), (cluster.State, cluster.Level, cluster.RecognitionYear));
        Assert.Equal(("clusters/hefei-ev", "AUTO", "340100"), (cluster.Name, cluster.IndustryCode, cluster.CityCode));
        Assert.Equal(Draft.ChainLeaders, cluster.ChainLeaders);
        Assert.Equal((1L, "alice"), (cluster.Version, cluster.UpdateActor));
    }

    [Fact]
    public void Create_CityAsLeadDivision_IsItsOwnCity() =>
        Assert.Equal("341800", Clusters.Domain.Cluster.Create("x", Draft with { LeadDivisionCode = "341800" }, Now, "alice").CityCode);

    [Fact]
    public void Revise_SameDraft_ChangesNothing()
    {
        var cluster = NewCluster();

        Assert.Empty(cluster.Revise(cluster.ToDraft(), Now.AddDays(1), "bob"));
        Assert.Equal((1L, "alice"), (cluster.Version, cluster.UpdateActor));
    }

    [Fact]
    public void Revise_NewLeadCountyAndLeaders_ReturnsChangedFieldsAndRederivesTheCity()
    {
        var cluster = NewCluster();

        var changed = cluster.Revise(Draft with { LeadDivisionCode = "340207", ChainLeaders = [.. Draft.ChainLeaders.Reverse()] }, Now, "bob");

        Assert.Equal(["chain_leaders", "lead_division_code"], changed.Order());
        Assert.Equal(("340200", 2L, "bob"), (cluster.CityCode, cluster.Version, cluster.UpdateActor));
        Assert.Equal(Draft.ChainLeaders.Reverse(), cluster.ChainLeaders);
    }

    [Fact]
    public void Recognize_ProvincialThenNational_RecordsBothRecognitions()
    {
        var cluster = NewCluster();

        cluster.Recognize(ClusterLevel.Provincial, 2022, 2024, Now, "alice");
        cluster.Recognize(ClusterLevel.National, 2024, 2024, Now.AddDays(1), "bob");

        Assert.Equal((ClusterState.Recognized, ClusterLevel.National, 2024), (cluster.State, cluster.Level, cluster.RecognitionYear));
        Assert.Equal([(ClusterLevel.Provincial, 2022), (ClusterLevel.National, 2024)], cluster.Recognitions.Select(r => (r.Level, r.Year)));
        Assert.Equal(3, cluster.Version);
    }

    [Fact]
    public void Recognize_NationalDirectly_IsAllowed()
    {
        var cluster = NewCluster();

        cluster.Recognize(ClusterLevel.National, 2023, 2024, Now, "alice");

        Assert.Equal((ClusterState.Recognized, ClusterLevel.National), (cluster.State, cluster.Level));
    }

    [Theory]
    [InlineData(ClusterLevel.Provincial)] // the same level again
    [InlineData(ClusterLevel.National)]   // already national
    public void Recognize_AtNational_IsFailedPreconditionNamingWhatIsAllowed(ClusterLevel level)
    {
        var cluster = NewCluster();
        cluster.Recognize(ClusterLevel.National, 2023, 2024, Now, "alice");

        var error = Assert.Throws<ServiceException>(() => cluster.Recognize(level, 2024, 2024, Now, "bob"));

        Assert.Equal((ErrorKind.FailedPrecondition, "ILLEGAL_STATE_TRANSITION"), (error.Kind, error.Reason));
        Assert.Equal("RevokeCluster", error.Metadata["allowed_transitions"]);
        Assert.Equal("CLUSTER_STATE_RECOGNIZED", error.Metadata["current_state"]);
        Assert.Contains("CLUSTER_STATE_RECOGNIZED at CLUSTER_LEVEL_NATIONAL", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, cluster.Version);
    }

    [Fact]
    public void Recognize_ProvincialWhenProvincial_IsFailedPrecondition()
    {
        var cluster = NewCluster();
        cluster.Recognize(ClusterLevel.Provincial, 2023, 2024, Now, "alice");

        var error = Assert.Throws<ServiceException>(() => cluster.Recognize(ClusterLevel.Provincial, 2024, 2024, Now, "bob"));

        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal("RecognizeCluster(CLUSTER_LEVEL_NATIONAL),RevokeCluster", error.Metadata["allowed_transitions"]);
        Assert.Equal("RecognizeCluster(CLUSTER_LEVEL_PROVINCIAL)", error.Metadata["requested_transition"]);
    }

    [Fact]
    public void Recognize_Revoked_IsFailedPreconditionWithNothingAllowed()
    {
        var cluster = NewCluster();
        cluster.Recognize(ClusterLevel.Provincial, 2023, 2024, Now, "alice");
        cluster.Revoke("未通过复核", Now, "alice");

        var error = Assert.Throws<ServiceException>(() => cluster.Recognize(ClusterLevel.National, 2024, 2024, Now, "bob"));

        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal(string.Empty, error.Metadata["allowed_transitions"]);
        Assert.Contains("none (final state)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recognize_YearInTheFuture_IsInvalidArgumentAndChangesNothing()
    {
        var cluster = NewCluster();

        var error = Assert.Throws<ServiceException>(() => cluster.Recognize(ClusterLevel.Provincial, 2025, 2024, Now, "alice"));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("year", Assert.Single(error.FieldViolations).Field);
        Assert.Equal((ClusterState.Cultivating, 1L), (cluster.State, cluster.Version));
        Assert.Empty(cluster.Recognitions);
    }

    [Fact]
    public void Recognize_UpgradeDatedBeforeTheProvincialRecognition_IsInvalidArgument()
    {
        var cluster = NewCluster();
        cluster.Recognize(ClusterLevel.Provincial, 2023, 2024, Now, "alice");

        var error = Assert.Throws<ServiceException>(() => cluster.Recognize(ClusterLevel.National, 2022, 2024, Now, "bob"));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(ClusterLevel.Provincial, cluster.Level);
    }

    [Fact]
    public void Recognize_UpgradeInTheSameYear_IsAllowed()
    {
        var cluster = NewCluster();
        cluster.Recognize(ClusterLevel.Provincial, 2023, 2024, Now, "alice");

        cluster.Recognize(ClusterLevel.National, 2023, 2024, Now, "bob");

        Assert.Equal((ClusterLevel.National, 2023), (cluster.Level, cluster.RecognitionYear));
    }

    [Fact]
    public void Revoke_Recognized_IsRevokedKeepingTheLevel()
    {
        var cluster = NewCluster();
        cluster.Recognize(ClusterLevel.Provincial, 2023, 2024, Now, "alice");

        cluster.Revoke("连续两年考核不合格", Now.AddDays(1), "bob");

        Assert.Equal((ClusterState.Revoked, ClusterLevel.Provincial, 2023), (cluster.State, cluster.Level, cluster.RecognitionYear));
        Assert.Equal(("连续两年考核不合格", Now.AddDays(1)), (cluster.RevocationReason, cluster.RevokeTime));
        Assert.Equal(3, cluster.Version);
    }

    [Fact]
    public void Revoke_Cultivating_IsFailedPrecondition()
    {
        var cluster = NewCluster();

        var error = Assert.Throws<ServiceException>(() => cluster.Revoke("放弃培育", Now, "bob"));

        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal("RevokeCluster", error.Metadata["requested_transition"]);
        Assert.Equal(ClusterState.Cultivating, cluster.State);
    }

    [Fact]
    public void Revoke_Twice_IsFailedPrecondition()
    {
        var cluster = NewCluster();
        cluster.Recognize(ClusterLevel.National, 2023, 2024, Now, "alice");
        cluster.Revoke("撤销", Now, "bob");

        Assert.Equal(ErrorKind.FailedPrecondition, Assert.Throws<ServiceException>(() => cluster.Revoke("again", Now, "bob")).Kind);
    }
}
