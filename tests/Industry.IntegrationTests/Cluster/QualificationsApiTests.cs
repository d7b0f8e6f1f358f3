using Google.Rpc;
using Grpc.Core;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using static Industry.IntegrationTests.Cluster.EnterpriseTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>GrantQualification, ReviewQualification and RevokeQualification over gRPC: the ladder, every error code, nothing stored on rejection.</summary>
public sealed class QualificationsApiTests(ClusterServiceFixture service) : IClassFixture<ClusterServiceFixture>
{
    private Proto.ClusterService.ClusterServiceClient Client => new(service.Channel);

    [Fact]
    public async Task GrantQualification_SpecializedThenLittleGiant_HoldsBothAndEmitsEnterpriseQualifiedForEach()
    {
        var enterprise = await Client.CreateEnterpriseAsync();

        var specialized = await Client.GrantAsync(enterprise, Proto.QualificationType.SpecializedSme, 2022);
        var giant = await Client.GrantAsync(specialized, Proto.QualificationType.LittleGiant, 2023);

        Assert.Equal([(Proto.QualificationType.SpecializedSme, 2022), (Proto.QualificationType.LittleGiant, 2023)], giant.Qualifications.Select(q => (q.Type, q.Year)));
        Assert.Equal("W/\"3\"", giant.Etag);
        Assert.Equal(giant, await Client.GetEnterpriseAsync(enterprise.Name));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.EnterpriseQualified' AND subject_version = 3 AND body::jsonb -> 'qualification' ->> 'type' = 'QUALIFICATION_TYPE_LITTLE_GIANT'",
            enterprise.Name));
    }

    [Fact]
    public async Task GrantQualification_LittleGiantWithoutSpecializedSme_IsFailedPreconditionAndStoresNothing()
    {
        var enterprise = await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.InnovativeSme, 2022);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GrantAsync(enterprise, Proto.QualificationType.LittleGiant, 2023));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("QUALIFICATION_PREREQUISITE_MISSING", error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        Assert.Equal(enterprise, await Client.GetEnterpriseAsync(enterprise.Name));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND subject_version = 3", enterprise.Name));
    }

    [Fact]
    public async Task GrantQualification_TypeHeld_IsAlreadyExistsAndKeepsTheFirstYear()
    {
        var enterprise = await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.ChainLeader, 2021);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GrantAsync(enterprise, Proto.QualificationType.ChainLeader, 2023));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(enterprise, await Client.GetEnterpriseAsync(enterprise.Name));
    }

    [Theory]
    [InlineData(Proto.QualificationType.Unspecified, 2023, "type")]
    [InlineData(Proto.QualificationType.InnovativeSme, 2999, "year")]
    [InlineData(Proto.QualificationType.InnovativeSme, 0, "year")]
    public async Task GrantQualification_BadTypeOrYear_IsInvalidArgumentAndChangesNothing(Proto.QualificationType type, int year, string field)
    {
        var enterprise = await Client.CreateEnterpriseAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GrantAsync(enterprise, type, year));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(enterprise, await Client.GetEnterpriseAsync(enterprise.Name));
    }

    [Fact]
    public async Task GrantQualification_StaleEtagOrMissingEnterprise_IsAbortedOrNotFound()
    {
        var enterprise = await Client.CreateEnterpriseAsync();

        var stale = await Assert.ThrowsAsync<RpcException>(() => Client.GrantQualificationAsync(
            new Proto.GrantQualificationRequest { Name = enterprise.Name, Type = Proto.QualificationType.InnovativeSme, Year = 2023, Etag = "W/\"7\"" }, Deadline).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => Client.GrantQualificationAsync(
            new Proto.GrantQualificationRequest { Name = "enterprises/" + NewUscc(), Type = Proto.QualificationType.InnovativeSme, Year = 2023 }, Deadline).ResponseAsync);

        Assert.Equal((StatusCode.Aborted, StatusCode.NotFound), (stale.StatusCode, missing.StatusCode));
        Assert.Equal(enterprise, await Client.GetEnterpriseAsync(enterprise.Name));
    }

    [Fact]
    public async Task GrantQualification_SameRequestIdTwice_GrantsOnce()
    {
        var enterprise = await Client.CreateEnterpriseAsync();
        var request = new Proto.GrantQualificationRequest { Name = enterprise.Name, Type = Proto.QualificationType.SingleChampion, Year = 2023, RequestId = Guid.NewGuid().ToString() };

        var first = await Client.GrantQualificationAsync(request, Deadline);
        var again = await Client.GrantQualificationAsync(request, Deadline);

        Assert.Equal(first, again);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.EnterpriseQualified'", enterprise.Name));
    }

    [Fact]
    public async Task RevokeQualification_Held_MarksItRevokedWithItsDateAndEmitsRevokedWithTheReason()
    {
        var enterprise = await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.InnovativeSme, 2022);

        var revoked = await Client.RevokeQualificationAsync(
            new Proto.RevokeQualificationRequest { Name = enterprise.Name, Type = Proto.QualificationType.InnovativeSme, Reason = "复核未通过", Etag = enterprise.Etag }, Deadline);

        Assert.Empty(revoked.Qualifications);
        var history = Assert.Single(revoked.RevokedQualifications);
        Assert.Equal((Proto.QualificationType.InnovativeSme, 2022, "复核未通过"), (history.Type, history.Year, history.RevokeReason));
        Assert.Equal(revoked.UpdateTime, history.RevokeTime);
        Assert.Equal(revoked, await Client.GetEnterpriseAsync(enterprise.Name));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.QualificationRevoked' AND body::jsonb ->> 'reason' = '复核未通过' AND body::jsonb -> 'qualification' ->> 'revokeReason' = '复核未通过'",
            enterprise.Name));
    }

    [Fact]
    public async Task RevokeQualification_NotHeld_IsNotFound()
    {
        var enterprise = await Client.CreateEnterpriseAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RevokeQualificationAsync(
            new Proto.RevokeQualificationRequest { Name = enterprise.Name, Type = Proto.QualificationType.LittleGiant, Reason = "x" }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task RevokeQualification_SpecializedSmeUnderLittleGiant_IsFailedPreconditionAndKeepsBoth()
    {
        var enterprise = await Client.GrantAsync(
            await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.SpecializedSme, 2021), Proto.QualificationType.LittleGiant, 2022);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RevokeQualificationAsync(
            new Proto.RevokeQualificationRequest { Name = enterprise.Name, Type = Proto.QualificationType.SpecializedSme, Reason = "x" }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(enterprise, await Client.GetEnterpriseAsync(enterprise.Name));
    }

    [Fact]
    public async Task RevokeQualification_WithoutReason_IsInvalidArgumentAndKeepsIt()
    {
        var enterprise = await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.InnovativeSme, 2022);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RevokeQualificationAsync(
            new Proto.RevokeQualificationRequest { Name = enterprise.Name, Type = Proto.QualificationType.InnovativeSme, Reason = " " }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(enterprise, await Client.GetEnterpriseAsync(enterprise.Name));
    }

    [Fact]
    public async Task GrantQualification_WithValidity_KeepsItAndWithoutIsValidFromTheFirstOfTheYear()
    {
        var enterprise = await Client.CreateEnterpriseAsync();

        var granted = await Client.GrantQualificationAsync(new Proto.GrantQualificationRequest
        {
            Name = enterprise.Name,
            Type = Proto.QualificationType.TechnologyCenter,
            Year = 2023,
            ValidFrom = new Google.Type.Date { Year = 2023, Month = 6, Day = 1 },
            ValidUntil = new Google.Type.Date { Year = 2026, Month = 5, Day = 31 },
        }, Deadline);
        var plain = await Client.GrantAsync(granted, Proto.QualificationType.GreenFactory, 2022);

        var technology = plain.Qualifications.Single(q => q.Type == Proto.QualificationType.TechnologyCenter);
        Assert.Equal(("2023-06-01", "2026-05-31"), (Text(technology.ValidFrom), Text(technology.ValidUntil)));
        var green = plain.Qualifications.Single(q => q.Type == Proto.QualificationType.GreenFactory);
        Assert.Equal(("2022-01-01", (Google.Type.Date?)null), (Text(green.ValidFrom), green.ValidUntil));
        Assert.Equal(plain, await Client.GetEnterpriseAsync(enterprise.Name));
    }

    [Theory]
    [InlineData(2022, 12, 31, 2024, 1, 1, "valid_from")]
    [InlineData(2023, 6, 1, 2023, 5, 31, "valid_until")]
    [InlineData(2023, 2, 30, 2024, 1, 1, "valid_from")]
    public async Task GrantQualification_BadValidity_IsInvalidArgumentOnTheFieldAndChangesNothing(int fromYear, int fromMonth, int fromDay, int untilYear, int untilMonth, int untilDay, string field)
    {
        var enterprise = await Client.CreateEnterpriseAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GrantQualificationAsync(new Proto.GrantQualificationRequest
        {
            Name = enterprise.Name,
            Type = Proto.QualificationType.GreenFactory,
            Year = 2023,
            ValidFrom = new Google.Type.Date { Year = fromYear, Month = fromMonth, Day = fromDay },
            ValidUntil = new Google.Type.Date { Year = untilYear, Month = untilMonth, Day = untilDay },
        }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(enterprise, await Client.GetEnterpriseAsync(enterprise.Name));
    }

    [Fact]
    public async Task GrantQualification_TypeRevokedBefore_IsHeldAgainAndTheRevokedOneStaysInTheHistory()
    {
        var enterprise = await Client.GrantAsync(await Client.CreateEnterpriseAsync(NewEnterprise(displayName: "复核测试企业" + NewUscc())), Proto.QualificationType.GreenFactory, 2021);
        await Client.RevokeQualificationAsync(new Proto.RevokeQualificationRequest { Name = enterprise.Name, Type = Proto.QualificationType.GreenFactory, Reason = "复核不合格" }, Deadline);

        var again = await Client.GrantAsync(enterprise, Proto.QualificationType.GreenFactory, 2023);

        Assert.Equal(2023, Assert.Single(again.Qualifications).Year);
        Assert.Equal(2021, Assert.Single(again.RevokedQualifications).Year);
        var listed = await Client.ListEnterprisesAsync(new Proto.ListEnterprisesRequest { Filter = $"qualification = QUALIFICATION_TYPE_GREEN_FACTORY AND display_name = \"{enterprise.DisplayName}\"" }, Deadline);
        Assert.Equal(enterprise.Name, Assert.Single(listed.Enterprises).Name);
    }

    [Fact]
    public async Task ListEnterprises_QualificationFilter_LeavesOutAHolderWhoseQualificationWasRevoked()
    {
        var enterprise = await Client.GrantAsync(await Client.CreateEnterpriseAsync(NewEnterprise(displayName: "复核测试企业" + NewUscc())), Proto.QualificationType.TechnologyCenter, 2021);
        await Client.RevokeQualificationAsync(new Proto.RevokeQualificationRequest { Name = enterprise.Name, Type = Proto.QualificationType.TechnologyCenter, Reason = "撤销" }, Deadline);

        var listed = await Client.ListEnterprisesAsync(new Proto.ListEnterprisesRequest { Filter = $"qualification = QUALIFICATION_TYPE_TECHNOLOGY_CENTER AND display_name = \"{enterprise.DisplayName}\"" }, Deadline);

        Assert.Empty(listed.Enterprises);
    }

    [Fact]
    public async Task ReviewQualification_Passed_ExtendsValidUntilAndEmitsQualificationReviewedWithThePreviousTerm()
    {
        var enterprise = await Client.GrantQualificationAsync(new Proto.GrantQualificationRequest
        {
            Name = (await Client.CreateEnterpriseAsync()).Name,
            Type = Proto.QualificationType.GreenFactory,
            Year = 2021,
            ValidUntil = new Google.Type.Date { Year = 2024, Month = 12, Day = 31 },
        }, Deadline);

        var reviewed = await Client.ReviewQualificationAsync(new Proto.ReviewQualificationRequest
        {
            Name = enterprise.Name,
            Type = Proto.QualificationType.GreenFactory,
            Outcome = Proto.QualificationReviewOutcome.Passed,
            ValidUntil = new Google.Type.Date { Year = 2027, Month = 12, Day = 31 },
            Etag = enterprise.Etag,
        }, Deadline);

        var green = Assert.Single(reviewed.Qualifications);
        Assert.Equal(("2027-12-31", 2021, reviewed.UpdateTime), (Text(green.ValidUntil), green.Year, green.ReviewTime));
        Assert.Empty(reviewed.RevokedQualifications);
        Assert.Equal(reviewed, await Client.GetEnterpriseAsync(enterprise.Name));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.QualificationReviewed' AND subject_version = 3"
            + " AND body::jsonb ->> 'outcome' = 'QUALIFICATION_REVIEW_OUTCOME_PASSED' AND body::jsonb -> 'previousValidUntil' ->> 'year' = '2024'"
            + " AND body::jsonb -> 'qualification' -> 'validUntil' ->> 'year' = '2027'",
            enterprise.Name));
    }

    [Fact]
    public async Task ReviewQualification_Failed_RevokesWithTheReasonAndEmitsQualificationReviewedOnly()
    {
        var enterprise = await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.InnovativeSme, 2022);

        var reviewed = await Client.ReviewQualificationAsync(new Proto.ReviewQualificationRequest
        {
            Name = enterprise.Name,
            Type = Proto.QualificationType.InnovativeSme,
            Outcome = Proto.QualificationReviewOutcome.Failed,
        }, Deadline);

        Assert.Empty(reviewed.Qualifications);
        var lost = Assert.Single(reviewed.RevokedQualifications);
        Assert.Equal((2022, "复核未通过", reviewed.UpdateTime, reviewed.UpdateTime), (lost.Year, lost.RevokeReason, lost.RevokeTime, lost.ReviewTime));
        Assert.Equal(reviewed, await Client.GetEnterpriseAsync(enterprise.Name));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.QualificationReviewed' AND body::jsonb ->> 'outcome' = 'QUALIFICATION_REVIEW_OUTCOME_FAILED'"
            + " AND body::jsonb -> 'qualification' ->> 'revokeReason' = '复核未通过'",
            enterprise.Name));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.QualificationRevoked'", enterprise.Name));
    }

    [Fact]
    public async Task ReviewQualification_RevokedOrNeverHeld_IsFailedPreconditionOrNotFoundAndChangesNothing()
    {
        var enterprise = await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.TechnologyCenter, 2021);
        enterprise = await Client.RevokeQualificationAsync(
            new Proto.RevokeQualificationRequest { Name = enterprise.Name, Type = Proto.QualificationType.TechnologyCenter, Reason = "撤销" }, Deadline);

        var revoked = await Assert.ThrowsAsync<RpcException>(() => Client.ReviewQualificationAsync(new Proto.ReviewQualificationRequest
        {
            Name = enterprise.Name,
            Type = Proto.QualificationType.TechnologyCenter,
            Outcome = Proto.QualificationReviewOutcome.Passed,
            ValidUntil = new Google.Type.Date { Year = 2030, Month = 1, Day = 1 },
        }, Deadline).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Client.ReviewQualificationAsync(new Proto.ReviewQualificationRequest
        {
            Name = enterprise.Name,
            Type = Proto.QualificationType.ChainLeader,
            Outcome = Proto.QualificationReviewOutcome.Failed,
        }, Deadline).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => Client.ReviewQualificationAsync(new Proto.ReviewQualificationRequest
        {
            Name = "enterprises/" + NewUscc(),
            Type = Proto.QualificationType.ChainLeader,
            Outcome = Proto.QualificationReviewOutcome.Failed,
        }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, revoked.StatusCode);
        Assert.Equal("QUALIFICATION_REVOKED", revoked.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        Assert.Equal("QUALIFICATION_TYPE_TECHNOLOGY_CENTER", Assert.Single(revoked.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Subject);
        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (unknown.StatusCode, missing.StatusCode));
        Assert.Equal(enterprise, await Client.GetEnterpriseAsync(enterprise.Name));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.QualificationReviewed'", enterprise.Name));
    }

    [Theory]
    [InlineData(Proto.QualificationReviewOutcome.Unspecified, false, "outcome")]
    [InlineData(Proto.QualificationReviewOutcome.Passed, false, "valid_until")]
    [InlineData(Proto.QualificationReviewOutcome.Failed, true, "valid_until")]
    public async Task ReviewQualification_BadOutcomeOrTerm_IsInvalidArgumentOnTheFieldAndChangesNothing(Proto.QualificationReviewOutcome outcome, bool withValidUntil, string field)
    {
        var enterprise = await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.InnovativeSme, 2022);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ReviewQualificationAsync(new Proto.ReviewQualificationRequest
        {
            Name = enterprise.Name,
            Type = Proto.QualificationType.InnovativeSme,
            Outcome = outcome,
            ValidUntil = withValidUntil ? new Google.Type.Date { Year = 2030, Month = 1, Day = 1 } : null,
        }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(enterprise, await Client.GetEnterpriseAsync(enterprise.Name));
    }

    [Fact]
    public async Task ReviewQualification_PassedWithAnEarlierLastDay_IsInvalidArgumentAndKeepsTheTerm()
    {
        var enterprise = await Client.GrantQualificationAsync(new Proto.GrantQualificationRequest
        {
            Name = (await Client.CreateEnterpriseAsync()).Name,
            Type = Proto.QualificationType.GreenFactory,
            Year = 2021,
            ValidUntil = new Google.Type.Date { Year = 2024, Month = 12, Day = 31 },
        }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ReviewQualificationAsync(new Proto.ReviewQualificationRequest
        {
            Name = enterprise.Name,
            Type = Proto.QualificationType.GreenFactory,
            Outcome = Proto.QualificationReviewOutcome.Passed,
            ValidUntil = new Google.Type.Date { Year = 2024, Month = 12, Day = 31 },
        }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("valid_until", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(enterprise, await Client.GetEnterpriseAsync(enterprise.Name));
    }

    [Fact]
    public async Task ReviewQualification_SameRequestIdTwice_ReviewsOnce()
    {
        var enterprise = await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.SingleChampion, 2022);
        var request = new Proto.ReviewQualificationRequest
        {
            Name = enterprise.Name,
            Type = Proto.QualificationType.SingleChampion,
            Outcome = Proto.QualificationReviewOutcome.Passed,
            ValidUntil = new Google.Type.Date { Year = 2028, Month = 6, Day = 30 },
            RequestId = Guid.NewGuid().ToString(),
        };

        var first = await Client.ReviewQualificationAsync(request, Deadline);
        var again = await Client.ReviewQualificationAsync(request, Deadline);

        Assert.Equal(first, again);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.QualificationReviewed'", enterprise.Name));
    }

    private static string Text(Google.Type.Date date) => $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";
}
