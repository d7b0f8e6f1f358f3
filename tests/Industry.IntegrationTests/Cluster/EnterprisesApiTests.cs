using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using static Industry.IntegrationTests.Cluster.EnterpriseTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>The enterprise resource over a real gRPC channel and PostgreSQL: every error code, and nothing stored on rejection.</summary>
public sealed class EnterprisesApiTests(ClusterServiceFixture service) : IClassFixture<ClusterServiceFixture>
{
    private Proto.ClusterService.ClusterServiceClient Client => new(service.Channel);

    [Fact]
    public async Task CreateEnterprise_Valid_IsNamedByItsUsccWithDerivedCityAndIndustryAndEmitsCreated()
    {
        var uscc = NewUscc();

        var created = await Client.CreateEnterpriseAsync(NewEnterprise(uscc.ToLowerInvariant()));

        Assert.Equal(("enterprises/" + uscc, uscc), (created.Name, created.Uscc));
        Assert.Equal(("340100", "industries/EQUIP", "W/\"1\""), (created.CityCode, created.Industry, created.Etag));
        Assert.Empty(created.Qualifications);
        Assert.Equal(created, await Client.GetEnterpriseAsync(created.Name));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.EnterpriseCreated'", created.Name));
    }

    [Fact]
    public async Task CreateEnterprise_InvalidFields_IsInvalidArgumentWithEveryViolationAndStoresNothing()
    {
        var bad = NewEnterprise(uscc: NewUscc()[..17] + "I", displayName: "无效企业 " + Guid.NewGuid());
        bad.CountyCode = "340100";
        bad.Gbt4754Class = "C99";
        bad.Industry = "industries/STEEL";
        bad.AboveSizeYear = 0;

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateEnterpriseAsync(bad));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal);
        Assert.Equal(["enterprise.above_size_year", "enterprise.county_code", "enterprise.gbt4754_class", "enterprise.industry", "enterprise.uscc"], fields);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM enterprises WHERE display_name = @p0", bad.DisplayName));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE body LIKE @p0", "%" + bad.DisplayName + "%"));
    }

    [Fact]
    public async Task CreateEnterprise_WrongCheckCharacter_IsInvalidArgumentOnUscc()
    {
        var uscc = NewUscc();
        var wrong = uscc[..17] + (uscc[17] == '0' ? '1' : '0');

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateEnterpriseAsync(NewEnterprise(wrong)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("enterprise.uscc", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM enterprises WHERE uscc = @p0", wrong));
    }

    [Fact]
    public async Task CreateEnterprise_MissingEnterprise_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateEnterpriseAsync(new Proto.CreateEnterpriseRequest(), Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task CreateEnterprise_UsccTaken_IsAlreadyExistsAndKeepsTheFirst()
    {
        var first = await Client.CreateEnterpriseAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateEnterpriseAsync(NewEnterprise(first.Uscc, displayName: "另一家企业")));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(first, await Client.GetEnterpriseAsync(first.Name));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0", first.Name));
    }

    [Fact]
    public async Task CreateEnterprise_SameRequestIdTwice_CreatesOnceAndReturnsTheFirstResponse()
    {
        var request = new Proto.CreateEnterpriseRequest { Enterprise = NewEnterprise(), RequestId = Guid.NewGuid().ToString() };

        var first = await Client.CreateEnterpriseAsync(request, Deadline);
        var again = await Client.CreateEnterpriseAsync(request, Deadline);

        Assert.Equal(first, again);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0", first.Name));
    }

    [Theory]
    [InlineData("enterprises/91340100MA2N0XXXX0", StatusCode.NotFound)]
    [InlineData("enterprises/", StatusCode.InvalidArgument)]
    [InlineData("clusters/c-1", StatusCode.InvalidArgument)]
    public async Task GetEnterprise_MissingOrMalformedName_IsNotFoundOrInvalidArgument(string name, StatusCode code)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetEnterpriseAsync(name));

        Assert.Equal(code, error.StatusCode);
    }

    [Fact]
    public async Task UpdateEnterprise_Mask_ChangesOnlyMaskedFieldsAndEmitsUpdatedWithThem()
    {
        var created = await Client.CreateEnterpriseAsync();

        var updated = await Client.UpdateEnterpriseAsync(new Proto.UpdateEnterpriseRequest
        {
            Enterprise = new Proto.Enterprise { Name = created.Name, CountyCode = "340207", DisplayName = "不在掩码中", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "countyCode", "above_size" } },
        }, Deadline);

        Assert.Equal(("340207", "340200", created.DisplayName), (updated.CountyCode, updated.CityCode, updated.DisplayName));
        Assert.Equal((false, 2021), (updated.AboveSize, updated.AboveSizeYear)); // in the mask and absent: false; the year stays
        Assert.True(updated.AboveSizeExitYear >= 2021, "leaving the above-size statistics without an exit year records the year it left (ADR 0041)");
        Assert.Equal("W/\"2\"", updated.Etag);
        Assert.Equal(updated, await Client.GetEnterpriseAsync(created.Name));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.EnterpriseUpdated' AND body::jsonb ->> 'updateMask' = 'countyCode,aboveSize,aboveSizeExitYear'",
            created.Name));
    }

    [Fact]
    public async Task UpdateEnterprise_StaleEtag_IsAbortedAndChangesNothing()
    {
        var created = await Client.CreateEnterpriseAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateEnterpriseAsync(new Proto.UpdateEnterpriseRequest
        {
            Enterprise = new Proto.Enterprise { Name = created.Name, DisplayName = "新名称", Etag = "W/\"9\"" },
        }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(created, await Client.GetEnterpriseAsync(created.Name));
    }

    [Theory]
    [InlineData("uscc")]
    [InlineData("mask")]
    [InlineData("county")]
    public async Task UpdateEnterprise_ImmutableOrInvalid_IsInvalidArgumentAndChangesNothing(string change)
    {
        var created = await Client.CreateEnterpriseAsync();
        var request = new Proto.UpdateEnterpriseRequest { Enterprise = new Proto.Enterprise { Name = created.Name } };
        switch (change)
        {
            case "uscc":
                request.Enterprise.Uscc = NewUscc();
                break;
            case "mask":
                request.Enterprise.DisplayName = "x";
                request.UpdateMask = new FieldMask { Paths = { "qualifications" } };
                break;
            default:
                request.Enterprise.CountyCode = "999999";
                break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateEnterpriseAsync(request, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(created, await Client.GetEnterpriseAsync(created.Name));
    }

    [Fact]
    public async Task UpdateEnterprise_Missing_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateEnterpriseAsync(
            new Proto.UpdateEnterpriseRequest { Enterprise = new Proto.Enterprise { Name = "enterprises/" + NewUscc(), DisplayName = "x" } }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task DeleteEnterprise_Plain_IsGoneWithItsQualificationsAndEmitsDeleted()
    {
        var created = await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.InnovativeSme, 2023);

        await Client.DeleteEnterpriseAsync(new Proto.DeleteEnterpriseRequest { Name = created.Name, Etag = created.Etag }, Deadline);

        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => Client.GetEnterpriseAsync(created.Name))).StatusCode);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM enterprise_qualifications WHERE uscc = @p0", created.Uscc));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.EnterpriseDeleted' AND subject_version = 3", created.Name));
        var again = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteEnterpriseAsync(new Proto.DeleteEnterpriseRequest { Name = created.Name }, Deadline).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task CreateEnterprise_AfterTheSameUsccWasDeleted_ContinuesItsVersions()
    {
        var enterprise = NewEnterprise();
        var created = await Client.CreateEnterpriseAsync(enterprise);
        await Client.DeleteEnterpriseAsync(new Proto.DeleteEnterpriseRequest { Name = created.Name, Etag = created.Etag }, Deadline);

        var again = await Client.CreateEnterpriseAsync(enterprise);

        // Created as 1, deleted as 2: consumers that applied the deletion apply the enterprise registered again as 3.
        Assert.Equal(created.Name, again.Name);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.EnterpriseCreated' AND subject_version = 3", again.Name));
    }

    [Fact]
    public async Task DeleteEnterprise_StaleEtag_IsAbortedAndKeepsIt()
    {
        var created = await Client.CreateEnterpriseAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteEnterpriseAsync(new Proto.DeleteEnterpriseRequest { Name = created.Name, Etag = "W/\"5\"" }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(created, await Client.GetEnterpriseAsync(created.Name));
    }

    [Fact]
    public async Task DeleteEnterprise_MemberOrChainLeader_IsFailedPreconditionNamingEachAndKeepsIt()
    {
        var enterprise = await Client.CreateEnterpriseAsync();
        var cluster = await Client.CreateAsync(NewCluster());
        await Client.AddMemberAsync(cluster, enterprise);
        var led = NewCluster();
        led.ChainLeaders.Add(enterprise.Name);
        var leading = await Client.CreateAsync(led);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteEnterpriseAsync(new Proto.DeleteEnterpriseRequest { Name = enterprise.Name }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var subjects = error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Select(v => (v.Type, v.Subject));
        Assert.Equal([("CLUSTER_MEMBER", $"{cluster.Name}/members/{enterprise.Uscc}"), ("CHAIN_LEADER", leading.Name)], subjects);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM enterprises WHERE uscc = @p0", enterprise.Uscc));
    }
}
