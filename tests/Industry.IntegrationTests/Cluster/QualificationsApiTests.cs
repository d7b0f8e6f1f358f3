using Google.Rpc;
using Grpc.Core;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using static Industry.IntegrationTests.Cluster.EnterpriseTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>GrantQualification and RevokeQualification over gRPC: the ladder, every error code, nothing stored on rejection.</summary>
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
    public async Task RevokeQualification_Held_RemovesItAndEmitsRevokedWithTheReason()
    {
        var enterprise = await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.InnovativeSme, 2022);

        var revoked = await Client.RevokeQualificationAsync(
            new Proto.RevokeQualificationRequest { Name = enterprise.Name, Type = Proto.QualificationType.InnovativeSme, Reason = "复核未通过", Etag = enterprise.Etag }, Deadline);

        Assert.Empty(revoked.Qualifications);
        Assert.Equal(revoked, await Client.GetEnterpriseAsync(enterprise.Name));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.QualificationRevoked' AND body::jsonb ->> 'reason' = '复核未通过'",
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
}
