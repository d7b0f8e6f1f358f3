using Industry.Clusters.Domain;
using Industry.ServiceDefaults.Errors;
using static Industry.Cluster.UnitTests.EnterpriseData;

namespace Industry.Cluster.UnitTests;

/// <summary>复核: a pass extends the term of a held qualification, a failure revokes it; revoked or unknown ones are refused.</summary>
public sealed class QualificationReviewTests
{
    private static readonly DateTime Later = ClusterData.Now.AddDays(30);

    [Fact]
    public void Review_Passed_ExtendsValidUntilRecordsTheReviewAndKeepsItHeld()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.GreenFactory, 2021, ClusterData.Now, "bob", validUntil: new DateOnly(2024, 12, 31));

        var (reviewed, previous) = enterprise.Review(QualificationType.GreenFactory, QualificationReviewOutcome.Passed, new DateOnly(2027, 12, 31), Later, "carol");

        Assert.Equal((new DateOnly(2027, 12, 31), (DateOnly?)new DateOnly(2024, 12, 31), (DateTime?)Later), (reviewed.ValidUntil!.Value, previous, reviewed.ReviewTime));
        Assert.True(reviewed.Held);
        Assert.Equal(2021, reviewed.Year);
        Assert.Equal((3L, "carol"), (enterprise.Version, enterprise.UpdateActor));
    }

    [Fact]
    public void Review_Failed_RevokesWithTheFixedReasonAtTheReviewTimeKeepingTheYear()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.InnovativeSme, 2022, ClusterData.Now, "bob");

        var (reviewed, _) = enterprise.Review(QualificationType.InnovativeSme, QualificationReviewOutcome.Failed, null, Later, "carol");

        Assert.False(reviewed.Held);
        Assert.Equal(("复核未通过", (DateTime?)Later, (int?)Later.Year, (DateTime?)Later, 2022), (reviewed.RevokeReason, reviewed.RevokeTime, reviewed.RevokeYear, reviewed.ReviewTime, reviewed.Year));
        Assert.Empty(enterprise.HeldQualifications);
    }

    [Theory]
    [InlineData(2024, 12, 31)] // the same last day: no extension
    [InlineData(2023, 6, 30)] // earlier
    public void Review_PassedWithoutExtension_IsInvalidValidUntilAndChangesNothing(int year, int month, int day)
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.GreenFactory, 2021, ClusterData.Now, "bob", validUntil: new DateOnly(2024, 12, 31));

        var error = Assert.Throws<ServiceException>(() =>
            enterprise.Review(QualificationType.GreenFactory, QualificationReviewOutcome.Passed, new DateOnly(year, month, day), Later, "carol"));

        Assert.Equal("valid_until", Assert.Single(error.FieldViolations).Field);
        Assert.Equal((new DateOnly(2024, 12, 31), (DateTime?)null, 2L), (enterprise.Qualifications[0].ValidUntil!.Value, enterprise.Qualifications[0].ReviewTime, enterprise.Version));
    }

    [Fact]
    public void Review_PassedOfANoTermQualification_GivesItATermFromValidFromOn()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.TechnologyCenter, 2021, ClusterData.Now, "bob");

        Assert.Throws<ServiceException>(() => enterprise.Review(QualificationType.TechnologyCenter, QualificationReviewOutcome.Passed, new DateOnly(2020, 12, 31), Later, "carol"));
        var (reviewed, previous) = enterprise.Review(QualificationType.TechnologyCenter, QualificationReviewOutcome.Passed, new DateOnly(2021, 1, 1), Later, "carol");

        Assert.Equal(((DateOnly?)new DateOnly(2021, 1, 1), (DateOnly?)null), (reviewed.ValidUntil, previous));
    }

    [Fact]
    public void Review_NeverHeld_IsNotFound()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.InnovativeSme, 2022, ClusterData.Now, "bob");

        var error = Assert.Throws<ServiceException>(() => enterprise.Review(QualificationType.GreenFactory, QualificationReviewOutcome.Failed, null, Later, "carol"));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Theory]
    [InlineData(QualificationReviewOutcome.Passed)]
    [InlineData(QualificationReviewOutcome.Failed)]
    public void Review_Revoked_IsFailedPreconditionQualificationRevokedAndChangesNothing(QualificationReviewOutcome outcome)
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.GreenFactory, 2021, ClusterData.Now, "bob");
        enterprise.Revoke(QualificationType.GreenFactory, "撤销", ClusterData.Now, "bob");

        var error = Assert.Throws<ServiceException>(() =>
            enterprise.Review(QualificationType.GreenFactory, outcome, outcome == QualificationReviewOutcome.Passed ? new DateOnly(2030, 1, 1) : null, Later, "carol"));

        Assert.Equal((ErrorKind.FailedPrecondition, "QUALIFICATION_REVOKED"), (error.Kind, error.Reason));
        Assert.Equal(("撤销", (DateTime?)null), (enterprise.Qualifications[0].RevokeReason, enterprise.Qualifications[0].ReviewTime));
    }

    [Fact]
    public void Review_RevokedAndGrantedAgain_ReviewsTheHeldOne()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.GreenFactory, 2021, ClusterData.Now, "bob");
        enterprise.Revoke(QualificationType.GreenFactory, "撤销", ClusterData.Now, "bob");
        enterprise.Grant(QualificationType.GreenFactory, 2023, ClusterData.Now, "bob");

        var (reviewed, _) = enterprise.Review(QualificationType.GreenFactory, QualificationReviewOutcome.Failed, null, Later, "carol");

        Assert.Equal(2023, reviewed.Year);
        Assert.Equal(2, enterprise.Qualifications.Count(q => !q.Held));
    }

    [Fact]
    public void Review_FailedSpecializedSmeUnderItsLittleGiant_IsTheLaddersFailedPrecondition()
    {
        var enterprise = NewEnterprise();
        enterprise.Grant(QualificationType.SpecializedSme, 2021, ClusterData.Now, "bob");
        enterprise.Grant(QualificationType.LittleGiant, 2022, ClusterData.Now, "bob");

        var error = Assert.Throws<ServiceException>(() => enterprise.Review(QualificationType.SpecializedSme, QualificationReviewOutcome.Failed, null, Later, "carol"));

        Assert.Equal("QUALIFICATION_REQUIRED_BY_ANOTHER", error.Reason);
        Assert.Equal(2, enterprise.HeldQualifications.Count);
    }

    [Theory]
    [InlineData(0, 1, true, "type")]
    [InlineData(1, 0, false, "outcome")]
    [InlineData(1, 3, false, "outcome")]
    [InlineData(1, 1, false, "valid_until")] // passed without a new last day
    [InlineData(1, 2, true, "valid_until")] // failed with one
    public void Check_BadArgument_ReportsExactlyThatField(int type, int outcome, bool withValidUntil, string field) =>
        Assert.Equal(field, Assert.Single(QualificationReview.Check((QualificationType)type, (QualificationReviewOutcome)outcome, withValidUntil ? new DateOnly(2030, 1, 1) : null)).Field);

    [Theory]
    [InlineData(QualificationReviewOutcome.Passed, true)]
    [InlineData(QualificationReviewOutcome.Failed, false)]
    public void Check_ValidArguments_HaveNoViolations(QualificationReviewOutcome outcome, bool withValidUntil) =>
        Assert.Empty(QualificationReview.Check(QualificationType.InnovativeSme, outcome, withValidUntil ? new DateOnly(2030, 1, 1) : null));
}
