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
    [InlineData(QualificationType.GreenFactory)]
    [InlineData(QualificationType.TechnologyCenter)]
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
    public void Revoke_HeldType_MarksItRevokedWithTheDateAndReasonAndKeepsTheRow()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.SingleChampion, 2021, ClusterData.Now, "bob");

        var revoked = enterprise.Revoke(QualificationType.SingleChampion, "复核不合格", ClusterData.Now, "carol");

        Assert.Equal((QualificationType.SingleChampion, 2021), (revoked.Type, revoked.Year));
        Assert.Equal((ClusterData.Now, ClusterData.Now.Year, "复核不合格"), (revoked.RevokeTime, revoked.RevokeYear, revoked.RevokeReason));
        Assert.Empty(enterprise.HeldQualifications);
        Assert.Equal(revoked, Assert.Single(enterprise.Qualifications));
        Assert.Equal((3L, "carol"), (enterprise.Version, enterprise.UpdateActor));
    }

    [Fact]
    public void Revoke_TypeNotHeld_IsNotFound()
    {
        var error = Assert.Throws<ServiceException>(() => NewEnterprise().Revoke(QualificationType.ChainLeader, "复核不合格", ClusterData.Now, "bob"));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Revoke_SpecializedSmeUnderALittleGiant_IsFailedPreconditionAndKeepsBoth()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.SpecializedSme, 2021, ClusterData.Now, "bob");
        enterprise.Grant(QualificationType.LittleGiant, 2023, ClusterData.Now, "bob");

        var error = Assert.Throws<ServiceException>(() => enterprise.Revoke(QualificationType.SpecializedSme, "复核不合格", ClusterData.Now, "bob"));

        Assert.Equal((ErrorKind.FailedPrecondition, "QUALIFICATION_REQUIRED_BY_ANOTHER"), (error.Kind, error.Reason));
        Assert.Equal(2, enterprise.Qualifications.Count);
    }

    [Fact]
    public void Revoke_LittleGiantThenSpecializedSme_AreBothAllowed()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.SpecializedSme, 2021, ClusterData.Now, "bob");
        enterprise.Grant(QualificationType.LittleGiant, 2023, ClusterData.Now, "bob");

        enterprise.Revoke(QualificationType.LittleGiant, "复核不合格", ClusterData.Now, "bob");
        enterprise.Revoke(QualificationType.SpecializedSme, "复核不合格", ClusterData.Now, "bob");

        Assert.Empty(enterprise.HeldQualifications);
    }

    [Fact]
    public void Prerequisite_OnlyLittleGiantHasOne()
    {
        Assert.Equal(QualificationType.SpecializedSme, QualificationLadder.Prerequisite(QualificationType.LittleGiant));
        Assert.All(Enum.GetValues<QualificationType>().Where(t => t != QualificationType.LittleGiant), t => Assert.Null(QualificationLadder.Prerequisite(t)));
        Assert.Equal([QualificationType.LittleGiant], QualificationLadder.Dependents(QualificationType.SpecializedSme));
    }

    [Fact]
    public void Grant_TypeRevokedBefore_IsHeldAgainBesideTheRevokedRow()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.GreenFactory, 2021, ClusterData.Now, "bob");
        enterprise.Revoke(QualificationType.GreenFactory, "复核不合格", ClusterData.Now, "bob");

        var again = enterprise.Grant(QualificationType.GreenFactory, 2023, ClusterData.Now, "bob");

        Assert.Equal(again, Assert.Single(enterprise.HeldQualifications));
        Assert.Equal([2021, 2023], enterprise.Qualifications.Select(q => q.Year));
    }

    [Fact]
    public void Revoke_TypeRevokedAlready_IsNotFound()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.TechnologyCenter, 2021, ClusterData.Now, "bob");
        enterprise.Revoke(QualificationType.TechnologyCenter, "撤销", ClusterData.Now, "bob");

        var error = Assert.Throws<ServiceException>(() => enterprise.Revoke(QualificationType.TechnologyCenter, "撤销", ClusterData.Now, "bob"));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Grant_LittleGiantOnARevokedSpecializedSme_IsFailedPrecondition()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.SpecializedSme, 2021, ClusterData.Now, "bob");
        enterprise.Revoke(QualificationType.SpecializedSme, "复核不合格", ClusterData.Now, "bob");

        var error = Assert.Throws<ServiceException>(() => enterprise.Grant(QualificationType.LittleGiant, 2023, ClusterData.Now, "bob"));

        Assert.Equal("QUALIFICATION_PREREQUISITE_MISSING", error.Reason);
    }

    [Fact]
    public void Grant_WithoutValidity_IsValidFromTheFirstOfItsYearWithNoEnd()
    {
        var granted = NewEnterprise().Grant(QualificationType.InnovativeSme, 2023, ClusterData.Now, "bob");

        Assert.Equal((new DateOnly(2023, 1, 1), (DateOnly?)null), (granted.ValidFrom, granted.ValidUntil));
    }

    [Fact]
    public void CheckGrant_ValidFromBeforeTheYearAndValidUntilBeforeValidFrom_NamesBothFields()
    {
        var violations = QualificationLadder.CheckGrant(QualificationType.GreenFactory, 2023, CurrentYear, new DateOnly(2022, 12, 31), new DateOnly(2022, 1, 1));

        Assert.Equal(["valid_from", "valid_until"], violations.Select(v => v.Field));
    }

    [Fact]
    public void CheckGrant_ValidUntilBeforeTheFirstOfTheYear_IsInvalidWithoutValidFrom() =>
        Assert.Equal("valid_until", Assert.Single(QualificationLadder.CheckGrant(QualificationType.GreenFactory, 2023, CurrentYear, null, new DateOnly(2022, 12, 31))).Field);

    [Fact]
    public void CheckGrant_ValidityInsideTheTerm_IsAccepted() =>
        Assert.Empty(QualificationLadder.CheckGrant(QualificationType.GreenFactory, 2023, CurrentYear, new DateOnly(2023, 6, 1), new DateOnly(2026, 5, 31)));
}
