using Industry.Clusters.Domain;
using Industry.ServiceDefaults.Errors;
using static Industry.Cluster.UnitTests.EnterpriseData;

namespace Industry.Cluster.UnitTests;

/// <summary>The cultivation ladder: one qualification per type, LITTLE_GIANT only on top of SPECIALIZED_SME.</summary>
public sealed class QualificationLadderTests
{
    [Theory]
    [InlineData(QualificationType.InnovativeSme)]
    [InlineData(QualificationType.SpecializedSme)]
    [InlineData(QualificationType.SingleChampion)]
    [InlineData(QualificationType.ChainLeader)]
    public void Grant_StandaloneType_IsHeldWithItsYearAndBumpsTheVersion(QualificationType type)
    {
        var enterprise = NewEnterprise();

        var granted = enterprise.Grant(type, 2023, ClusterData.Now, "bob");

        Assert.Equal((type, 2023), (granted.Type, granted.Year));
        Assert.Equal(granted, Assert.Single(enterprise.Qualifications));
        Assert.Equal((2L, "bob"), (enterprise.Version, enterprise.UpdateActor));
    }

    [Fact]
    public void Grant_LittleGiantWithoutSpecializedSme_IsFailedPreconditionNamingTheMissingRung()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.InnovativeSme, 2022, ClusterData.Now, "bob");

        var error = Assert.Throws<ServiceException>(() => enterprise.Grant(QualificationType.LittleGiant, 2023, ClusterData.Now, "bob"));

        Assert.Equal((ErrorKind.FailedPrecondition, "QUALIFICATION_PREREQUISITE_MISSING"), (error.Kind, error.Reason));
        Assert.Equal("QUALIFICATION_TYPE_SPECIALIZED_SME", Assert.Single(error.PreconditionViolations).Subject);
        Assert.DoesNotContain(enterprise.Qualifications, q => q.Type == QualificationType.LittleGiant);
        Assert.Equal(2L, enterprise.Version);
    }

    [Theory]
    [InlineData(2022, 2022)]
    [InlineData(2022, 2024)]
    public void Grant_LittleGiantOnSpecializedSmeOfTheSameYearOrEarlier_IsHeld(int specializedYear, int littleGiantYear)
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.SpecializedSme, specializedYear, ClusterData.Now, "bob");

        enterprise.Grant(QualificationType.LittleGiant, littleGiantYear, ClusterData.Now, "bob");

        Assert.Equal([QualificationType.SpecializedSme, QualificationType.LittleGiant], enterprise.Qualifications.Select(q => q.Type));
    }

    [Fact]
    public void Grant_LittleGiantBeforeItsSpecializedSmeYear_IsInvalidYear()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.SpecializedSme, 2023, ClusterData.Now, "bob");

        var error = Assert.Throws<ServiceException>(() => enterprise.Grant(QualificationType.LittleGiant, 2022, ClusterData.Now, "bob"));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("year", Assert.Single(error.FieldViolations).Field);
    }

    [Fact]
    public void Grant_TypeAlreadyHeld_IsAlreadyExistsAndKeepsTheFirstGrant()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.InnovativeSme, 2022, ClusterData.Now, "bob");

        var error = Assert.Throws<ServiceException>(() => enterprise.Grant(QualificationType.InnovativeSme, 2023, ClusterData.Now, "bob"));

        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Equal(2022, Assert.Single(enterprise.Qualifications).Year);
    }

    [Theory]
    [InlineData(0, 2023, "type")]
    [InlineData(9, 2023, "type")]
    [InlineData(1, 2025, "year")]                 // after the current year
    [InlineData(1, EnterpriseRules.FirstYear - 1, "year")]
    public void CheckGrant_BadArgument_ReportsThatField(int type, int year, string field) =>
        Assert.Equal(field, Assert.Single(QualificationLadder.CheckGrant((QualificationType)type, year, CurrentYear)).Field);

    [Fact]
    public void CheckGrant_CurrentYear_IsAccepted() => Assert.Empty(QualificationLadder.CheckGrant(QualificationType.LittleGiant, CurrentYear, CurrentYear));

    [Fact]
    public void Revoke_HeldType_RemovesItAndReturnsItAsHeld()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.SingleChampion, 2021, ClusterData.Now, "bob");

        var revoked = enterprise.Revoke(QualificationType.SingleChampion, ClusterData.Now, "carol");

        Assert.Equal((QualificationType.SingleChampion, 2021), (revoked.Type, revoked.Year));
        Assert.Empty(enterprise.Qualifications);
        Assert.Equal((3L, "carol"), (enterprise.Version, enterprise.UpdateActor));
    }

    [Fact]
    public void Revoke_TypeNotHeld_IsNotFound()
    {
        var error = Assert.Throws<ServiceException>(() => NewEnterprise().Revoke(QualificationType.ChainLeader, ClusterData.Now, "bob"));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Revoke_SpecializedSmeUnderALittleGiant_IsFailedPreconditionAndKeepsBoth()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.SpecializedSme, 2021, ClusterData.Now, "bob");
        enterprise.Grant(QualificationType.LittleGiant, 2023, ClusterData.Now, "bob");

        var error = Assert.Throws<ServiceException>(() => enterprise.Revoke(QualificationType.SpecializedSme, ClusterData.Now, "bob"));

        Assert.Equal((ErrorKind.FailedPrecondition, "QUALIFICATION_REQUIRED_BY_ANOTHER"), (error.Kind, error.Reason));
        Assert.Equal(2, enterprise.Qualifications.Count);
    }

    [Fact]
    public void Revoke_LittleGiantThenSpecializedSme_AreBothAllowed()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.SpecializedSme, 2021, ClusterData.Now, "bob");
        enterprise.Grant(QualificationType.LittleGiant, 2023, ClusterData.Now, "bob");

        enterprise.Revoke(QualificationType.LittleGiant, ClusterData.Now, "bob");
        enterprise.Revoke(QualificationType.SpecializedSme, ClusterData.Now, "bob");

        Assert.Empty(enterprise.Qualifications);
    }

    [Fact]
    public void Prerequisite_OnlyLittleGiantHasOne()
    {
        Assert.Equal(QualificationType.SpecializedSme, QualificationLadder.Prerequisite(QualificationType.LittleGiant));
        Assert.All(Enum.GetValues<QualificationType>().Where(t => t != QualificationType.LittleGiant), t => Assert.Null(QualificationLadder.Prerequisite(t)));
        Assert.Equal([QualificationType.LittleGiant], QualificationLadder.Dependents(QualificationType.SpecializedSme));
    }
}
