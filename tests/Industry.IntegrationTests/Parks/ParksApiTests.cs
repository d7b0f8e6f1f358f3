using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using static Industry.IntegrationTests.Parks.ParkTestData;
using Proto = Industry.Parks.V1;

namespace Industry.IntegrationTests.Parks;

/// <summary>The park resource and its certification workflow over a real gRPC channel and PostgreSQL: every error code, and nothing stored on rejection.</summary>
public sealed class ParksApiTests(ParksServiceFixture service) : IClassFixture<ParksServiceFixture>
{
    private Proto.ParkService.ParkServiceClient Client => new(service.Channel);

    private Task<long> EventsAsync(string subject, string type) =>
        service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = @p1", subject, "industry.parks.v1." + type);

    private Task<Proto.Park> GetAsync(string name) => Client.GetParkAsync(new Proto.GetParkRequest { Name = name }, Deadline).ResponseAsync;

    [Fact]
    public async Task CreatePark_Valid_IsAppliedWithDerivedCityReadableByNameAndEmitsCreated()
    {
        var id = NewId("hefei-hitech");

        var created = await Client.CreateAsync(NewPark(leadIndustry: "industries/auto"), id);

        Assert.Equal(("parks/" + id, Proto.ParkState.Applied, "340100", "industries/AUTO"), (created.Name, created.State, created.CityCode, created.LeadIndustry));
        Assert.Equal(("W/\"1\"", "test-province_admin"), (created.Etag, created.UpdateActor)); // the token's subject
        Assert.Equal(created, await GetAsync(created.Name));
        Assert.Equal(1, await EventsAsync(created.Name, "ParkCreated"));
    }

    [Fact]
    public async Task CreatePark_WithoutId_GetsAServerAssignedId()
    {
        var created = await Client.CreateParkAsync(new Proto.CreateParkRequest { Park = NewPark() }, Deadline);

        Assert.Matches("^parks/k-[0-9a-f]{32}$", created.Name);
    }

    [Fact]
    public async Task CreatePark_InvalidFields_IsInvalidArgumentWithEveryViolationAndStoresNothing()
    {
        var bad = NewPark(displayName: "无效的园区 " + Guid.NewGuid(), countyCode: "999999", leadIndustry: "industries/STEEL");
        bad.ParkType = Proto.ParkType.Unspecified;
        bad.AboveSizeEnterpriseCount = -3;

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateParkAsync(new Proto.CreateParkRequest { Park = bad, ParkId = "Bad_Id" }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal);
        Assert.Equal(["park.above_size_enterprise_count", "park.county_code", "park.lead_industry", "park.park_type", "park_id"], fields);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM parks WHERE display_name = @p0", bad.DisplayName));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE body LIKE @p0", "%" + bad.DisplayName + "%"));
    }

    [Fact]
    public async Task CreatePark_MissingPark_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateParkAsync(new Proto.CreateParkRequest(), Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task CreatePark_IdTaken_IsAlreadyExistsAndKeepsTheFirst()
    {
        var id = NewId();
        var first = await Client.CreateAsync(NewPark(), id);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateAsync(NewPark(displayName: "另一个园区"), id));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(first, await GetAsync(first.Name));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0", first.Name));
    }

    [Fact]
    public async Task CreatePark_RepeatedRequestId_ReturnsTheFirstParkWithOneRowAndOneEvent()
    {
        var request = new Proto.CreateParkRequest { Park = NewPark(displayName: "幂等园区 " + Guid.NewGuid()), RequestId = Guid.NewGuid().ToString() };

        var first = await Client.CreateParkAsync(request, Deadline);
        var repeat = await Client.CreateParkAsync(request, Deadline);

        Assert.Equal(first, repeat);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM parks WHERE display_name = @p0", request.Park.DisplayName));
        Assert.Equal(1, await EventsAsync(first.Name, "ParkCreated"));
    }

    [Theory]
    [InlineData("parks/no-such-park", StatusCode.NotFound)]
    [InlineData("parks/", StatusCode.InvalidArgument)]
    [InlineData("clusters/c-1", StatusCode.InvalidArgument)]
    [InlineData("parks/a/b", StatusCode.InvalidArgument)]
    public async Task GetPark_MissingOrMalformedName_IsNotFoundOrInvalidArgument(string name, StatusCode code)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => GetAsync(name));

        Assert.Equal(code, error.StatusCode);
    }

    [Fact]
    public async Task UpdatePark_Mask_ChangesOnlyTheMaskedFieldsAndEmitsUpdatedWithThem()
    {
        var created = await Client.CreateAsync();

        var updated = await Client.UpdateParkAsync(new Proto.UpdateParkRequest
        {
            Park = new Proto.Park { Name = created.Name, CountyCode = "340207", DisplayName = "不在掩码中", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "countyCode", "lead_industry" } },
        }, Deadline);

        Assert.Equal(("340207", "340200", created.DisplayName, string.Empty), (updated.CountyCode, updated.CityCode, updated.DisplayName, updated.LeadIndustry));
        Assert.Equal("W/\"2\"", updated.Etag);
        Assert.Equal(updated, await GetAsync(created.Name));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.parks.v1.ParkUpdated' AND body::jsonb ->> 'updateMask' = 'countyCode,leadIndustry'",
            created.Name));
    }

    [Fact]
    public async Task UpdatePark_NewCounty_MovesItsTransformationsToTheNewCity()
    {
        var park = await Client.CreateAsync();
        var recorded = await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023);

        await Client.UpdateParkAsync(new Proto.UpdateParkRequest { Park = new Proto.Park { Name = park.Name, CountyCode = "340207" } }, Deadline);

        var moved = await Client.GetTransformationAsync(new Proto.GetTransformationRequest { Name = recorded.Name }, Deadline);
        Assert.Equal("340200", moved.CityCode);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM transformation_milestones WHERE park_id = @p0 AND city_code = '340200'", park.Name[6..]));
    }

    [Fact]
    public async Task UpdatePark_Unchanged_WritesNothing()
    {
        var created = await Client.CreateAsync();

        var same = await Client.UpdateParkAsync(new Proto.UpdateParkRequest { Park = new Proto.Park { Name = created.Name, DisplayName = created.DisplayName } }, Deadline);

        Assert.Equal(created, same);
        Assert.Equal(0, await EventsAsync(created.Name, "ParkUpdated"));
    }

    [Theory]
    [InlineData("state", "update_mask")]
    [InlineData("county", "park.county_code")]
    [InlineData("industry", "park.lead_industry")]
    public async Task UpdatePark_NotEditableOrInvalid_IsInvalidArgumentAndChangesNothing(string change, string field)
    {
        var created = await Client.CreateAsync();
        var request = change switch
        {
            "state" => new Proto.UpdateParkRequest { Park = new Proto.Park { Name = created.Name }, UpdateMask = new FieldMask { Paths = { "state" } } },
            "county" => new Proto.UpdateParkRequest { Park = new Proto.Park { Name = created.Name, CountyCode = "340100" } },
            _ => new Proto.UpdateParkRequest { Park = new Proto.Park { Name = created.Name, LeadIndustry = "industries/NOPE" } },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateParkAsync(request, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(created, await GetAsync(created.Name));
    }

    [Fact]
    public async Task UpdatePark_StaleEtag_IsAbortedAndChangesNothing()
    {
        var created = await Client.CreateAsync();
        await Client.UpdateParkAsync(new Proto.UpdateParkRequest { Park = new Proto.Park { Name = created.Name, DisplayName = "第一次修改" } }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateParkAsync(
            new Proto.UpdateParkRequest { Park = new Proto.Park { Name = created.Name, DisplayName = "过期的修改", Etag = created.Etag } }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("第一次修改", (await GetAsync(created.Name)).DisplayName);
    }

    [Fact]
    public async Task UpdatePark_Missing_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateParkAsync(
            new Proto.UpdateParkRequest { Park = new Proto.Park { Name = "parks/" + NewId(), DisplayName = "x" } }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Workflow_SubmitThenCertify_IsCertifiedWithYearAndBatchAndEmitsEachEvent()
    {
        var created = await Client.CreateAsync();

        var submitted = await Client.SubmitParkAsync(new Proto.SubmitParkRequest { Name = created.Name, Etag = created.Etag }, Deadline);
        var certified = await Client.CertifyParkAsync(new Proto.CertifyParkRequest { Name = created.Name, Year = 2023, Batch = 2, Etag = submitted.Etag }, Deadline);

        Assert.Equal(Proto.ParkState.UnderReview, submitted.State);
        Assert.Equal((Proto.ParkState.Certified, 2023, 2, "W/\"3\""), (certified.State, certified.CertificationYear, certified.CertificationBatch, certified.Etag));
        Assert.Equal(certified, await GetAsync(created.Name));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.parks.v1.ParkSubmitted' AND body::jsonb ->> 'previousState' = 'PARK_STATE_APPLIED'", created.Name));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND subject_version = 3 AND event_type = 'industry.parks.v1.ParkCertified'", created.Name));
    }

    [Fact]
    public async Task Workflow_RejectThenResubmit_ClearsTheReasonAndEmitsRejected()
    {
        var submitted = await Client.SubmitAsync(await Client.CreateAsync());

        var rejected = await Client.RejectParkAsync(new Proto.RejectParkRequest { Name = submitted.Name, Reason = "  材料不全  " }, Deadline);
        var again = await Client.SubmitAsync(rejected);

        Assert.Equal((Proto.ParkState.Rejected, "材料不全"), (rejected.State, rejected.RejectionReason));
        Assert.Equal((Proto.ParkState.UnderReview, string.Empty), (again.State, again.RejectionReason));
        Assert.Equal(1, await EventsAsync(submitted.Name, "ParkRejected"));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.parks.v1.ParkSubmitted' AND body::jsonb ->> 'previousState' = 'PARK_STATE_REJECTED'", submitted.Name));
    }

    [Fact]
    public async Task RevokePark_Certified_IsRevokedKeepingItsCertificationAndEmitsRevoked()
    {
        var certified = await Client.CertifiedAsync();

        var revoked = await Client.RevokeParkAsync(new Proto.RevokeParkRequest { Name = certified.Name, Reason = "复核不合格", Etag = certified.Etag }, Deadline);

        Assert.Equal((Proto.ParkState.Revoked, 2023, 1, "复核不合格"), (revoked.State, revoked.CertificationYear, revoked.CertificationBatch, revoked.RevocationReason));
        Assert.Equal(revoked, await GetAsync(certified.Name));
        Assert.Equal(1, await EventsAsync(certified.Name, "ParkRevoked"));
    }

    [Fact]
    public async Task CertifyPark_NotUnderReview_IsFailedPreconditionWithTheAllowedNextStatesAndChangesNothing()
    {
        var created = await Client.CreateAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CertifyAsync(created));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal("ILLEGAL_STATE_TRANSITION", info.Reason);
        Assert.Equal(("PARK_STATE_APPLIED", "PARK_STATE_UNDER_REVIEW", "SubmitPark"), (info.Metadata["current_state"], info.Metadata["allowed_states"], info.Metadata["allowed_transitions"]));
        Assert.Equal(created, await GetAsync(created.Name));
        Assert.Equal(0, await EventsAsync(created.Name, "ParkCertified"));
    }

    [Fact]
    public async Task RevokePark_Revoked_IsFailedPreconditionWithNoStateLeft()
    {
        var certified = await Client.CertifiedAsync();
        var revoked = await Client.RevokeParkAsync(new Proto.RevokeParkRequest { Name = certified.Name, Reason = "复核不合格" }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RevokeParkAsync(new Proto.RevokeParkRequest { Name = certified.Name, Reason = "再次撤销" }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(string.Empty, error.GetRpcStatus()!.GetDetail<ErrorInfo>().Metadata["allowed_states"]);
        Assert.Equal(revoked, await GetAsync(certified.Name));
    }

    [Fact]
    public async Task CertifyPark_WithoutLeadIndustry_IsFailedPreconditionOnTheFieldAndChangesNothing()
    {
        var submitted = await Client.SubmitAsync(await Client.CreateAsync(NewPark(leadIndustry: string.Empty)));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CertifyAsync(submitted));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("LEAD_INDUSTRY_REQUIRED", error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        Assert.Equal("park.lead_industry", Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Subject);
        Assert.Equal(submitted, await GetAsync(submitted.Name));
    }

    [Theory]
    [InlineData(0, 1, "year")]
    [InlineData(2999, 1, "year")]
    [InlineData(2023, 0, "batch")]
    public async Task CertifyPark_BadYearOrBatch_IsInvalidArgumentAndChangesNothing(int year, int batch, string field)
    {
        var submitted = await Client.SubmitAsync(await Client.CreateAsync());

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CertifyAsync(submitted, year, batch));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(submitted, await GetAsync(submitted.Name));
    }

    [Fact]
    public async Task RejectPark_NoReason_IsInvalidArgumentAndChangesNothing()
    {
        var submitted = await Client.SubmitAsync(await Client.CreateAsync());

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RejectParkAsync(new Proto.RejectParkRequest { Name = submitted.Name, Reason = "  " }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(submitted, await GetAsync(submitted.Name));
    }

    [Fact]
    public async Task SubmitPark_StaleEtag_IsAborted()
    {
        var created = await Client.CreateAsync();
        await Client.UpdateParkAsync(new Proto.UpdateParkRequest { Park = new Proto.Park { Name = created.Name, Description = "新的描述" } }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SubmitParkAsync(new Proto.SubmitParkRequest { Name = created.Name, Etag = created.Etag }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(Proto.ParkState.Applied, (await GetAsync(created.Name)).State);
    }

    [Fact]
    public async Task SubmitPark_Missing_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SubmitParkAsync(new Proto.SubmitParkRequest { Name = "parks/" + NewId() }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task CertifyPark_RepeatedRequestId_ReturnsTheFirstAnswerWithOneEvent()
    {
        var submitted = await Client.SubmitAsync(await Client.CreateAsync());
        var request = new Proto.CertifyParkRequest { Name = submitted.Name, Year = 2023, Batch = 1, RequestId = Guid.NewGuid().ToString() };

        var first = await Client.CertifyParkAsync(request, Deadline);
        var repeat = await Client.CertifyParkAsync(request, Deadline);

        Assert.Equal(first, repeat);
        Assert.Equal(1, await EventsAsync(submitted.Name, "ParkCertified"));
    }

    [Fact]
    public async Task DeletePark_Applied_IsGoneAndEmitsDeleted()
    {
        var created = await Client.CreateAsync();

        await Client.DeleteParkAsync(new Proto.DeleteParkRequest { Name = created.Name, Etag = created.Etag }, Deadline);

        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => GetAsync(created.Name))).StatusCode);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND subject_version = 2 AND event_type = 'industry.parks.v1.ParkDeleted'", created.Name));
    }

    [Fact]
    public async Task DeletePark_Certified_IsFailedPreconditionAndKeepsIt()
    {
        var certified = await Client.CertifiedAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteParkAsync(new Proto.DeleteParkRequest { Name = certified.Name, Force = true }, Deadline).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "PARK_CERTIFIED"), (error.StatusCode, error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason));
        Assert.Equal(certified, await GetAsync(certified.Name));
    }

    [Fact]
    public async Task DeletePark_WithTransformations_NeedsForceThenTakesThemAlong()
    {
        var park = await Client.CreateAsync();
        await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitallyTransformed, 2023);
        var parkId = park.Name["parks/".Length..];

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteParkAsync(new Proto.DeleteParkRequest { Name = park.Name }, Deadline).ResponseAsync);
        Assert.Equal((StatusCode.FailedPrecondition, "PARK_HAS_TRANSFORMATIONS"), (error.StatusCode, error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM transformations WHERE park_id = @p0", parkId));

        await Client.DeleteParkAsync(new Proto.DeleteParkRequest { Name = park.Name, Force = true }, Deadline);

        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM transformations WHERE park_id = @p0", parkId));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM transformation_milestones WHERE park_id = @p0", parkId));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject LIKE @p0 AND event_type = 'industry.parks.v1.TransformationDeleted' AND subject_version = 2", park.Name + "/transformations/%"));
    }

    [Fact]
    public async Task DeletePark_StaleEtag_IsAbortedAndKeepsIt()
    {
        var created = await Client.CreateAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteParkAsync(new Proto.DeleteParkRequest { Name = created.Name, Etag = "W/\"9\"" }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(created, await GetAsync(created.Name));
    }
}
