using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using static Industry.IntegrationTests.Parks.ParkTestData;
using Proto = Industry.Parks.V1;

namespace Industry.IntegrationTests.Parks;

/// <summary>Transformations over gRPC and PostgreSQL: levels only go up, every error code, nothing stored on rejection.</summary>
public sealed class TransformationsApiTests(ParksServiceFixture service) : IClassFixture<ParksServiceFixture>
{
    private Proto.ParkService.ParkServiceClient Client => new(service.Channel);

    private Task<Proto.Transformation> GetAsync(string name) => Client.GetTransformationAsync(new Proto.GetTransformationRequest { Name = name }, Deadline).ResponseAsync;

    private Task<long> RowsAsync(string parkName) =>
        service.CountAsync("SELECT count(*) FROM transformations WHERE park_id = @p0", parkName["parks/".Length..]);

    [Fact]
    public async Task RecordTransformation_New_CreatesTheRecordWithItsFirstMilestoneAndEmitsRecorded()
    {
        var park = await Client.CertifiedAsync();
        var uscc = NewUscc();

        var recorded = await Client.RecordAsync(park, uscc.ToLowerInvariant(), Proto.TransformationLevel.DigitalWorkshop, 2023);

        Assert.Equal((park.Name + "/transformations/" + uscc, uscc, "340100"), (recorded.Name, recorded.EnterpriseUscc, recorded.CityCode));
        Assert.Equal((Proto.TransformationLevel.DigitalWorkshop, 2023, Proto.TransformationSource.Reported, "W/\"1\""), (recorded.Level, recorded.Year, recorded.Source, recorded.Etag));
        Assert.Equal((Proto.TransformationLevel.DigitalWorkshop, 2023), (Assert.Single(recorded.Milestones).Level, recorded.Milestones[0].Year));
        Assert.Equal(recorded, await GetAsync(recorded.Name));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.parks.v1.TransformationRecorded' AND body::jsonb ->> 'previousLevel' IS NULL", recorded.Name));
    }

    [Fact]
    public async Task RecordTransformation_HigherLevel_AddsAMilestoneAndEmitsRecordedWithThePreviousLevel()
    {
        var park = await Client.CertifiedAsync();
        var first = await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitallyTransformed, 2022);

        var raised = await Client.RecordTransformationAsync(new Proto.RecordTransformationRequest
        {
            Parent = park.Name,
            EnterpriseUscc = first.EnterpriseUscc,
            Level = Proto.TransformationLevel.SmartFactory,
            Year = 2024,
            Etag = first.Etag,
            Note = "产线改造",
        }, Deadline);

        Assert.Equal((Proto.TransformationLevel.SmartFactory, 2024, "产线改造", "W/\"2\""), (raised.Level, raised.Year, raised.Note, raised.Etag));
        Assert.Equal([(Proto.TransformationLevel.DigitallyTransformed, 2022), (Proto.TransformationLevel.SmartFactory, 2024)], raised.Milestones.Select(m => (m.Level, m.Year)));
        Assert.Equal(first.EnterpriseDisplayName, raised.EnterpriseDisplayName);
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND subject_version = 2 AND body::jsonb ->> 'previousLevel' = 'TRANSFORMATION_LEVEL_DIGITALLY_TRANSFORMED'", raised.Name));
    }

    [Fact]
    public async Task RecordTransformation_SameLevelAndYearAgain_ReturnsItUnchangedWithoutAnEvent()
    {
        var park = await Client.CertifiedAsync();
        var first = await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023);

        var again = await Client.RecordAsync(park, first.EnterpriseUscc, Proto.TransformationLevel.DigitalWorkshop, 2023);

        Assert.Equal(first, again);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0", first.Name));
    }

    [Theory]
    [InlineData(Proto.TransformationLevel.DigitalWorkshop, 2024)]
    [InlineData(Proto.TransformationLevel.DigitallyTransformed, 2024)]
    public async Task RecordTransformation_NotHigher_IsFailedPreconditionAndChangesNothing(Proto.TransformationLevel level, int year)
    {
        var park = await Client.CertifiedAsync();
        var first = await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordAsync(park, first.EnterpriseUscc, level, year, displayName: "改名"));

        Assert.Equal((StatusCode.FailedPrecondition, "TRANSFORMATION_LEVEL_NOT_HIGHER"), (error.StatusCode, error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason));
        Assert.Equal(first, await GetAsync(first.Name));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0", first.Name));
    }

    [Fact]
    public async Task RecordTransformation_InvalidArguments_AreInvalidArgumentWithEveryViolationAndStoreNothing()
    {
        var park = await Client.CertifiedAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordTransformationAsync(new Proto.RecordTransformationRequest
        {
            Parent = park.Name,
            EnterpriseUscc = "91340100MA2N0X1234",
            Level = Proto.TransformationLevel.Unspecified,
            Year = 2999,
            Note = new string('x', 2001),
        }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["enterprise_uscc", "level", "note", "year"], error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Equal(0, await RowsAsync(park.Name));
    }

    [Fact]
    public async Task RecordTransformation_NewWithoutName_IsInvalidArgumentAndStoresNothing()
    {
        var park = await Client.CertifiedAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023, displayName: ""));

        Assert.Equal("enterprise_display_name", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(0, await RowsAsync(park.Name));
    }

    [Fact]
    public async Task RecordTransformation_HigherLevelInAnEarlierYear_IsInvalidArgument()
    {
        var park = await Client.CertifiedAsync();
        var first = await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordAsync(park, first.EnterpriseUscc, Proto.TransformationLevel.SmartFactory, 2022));

        Assert.Equal((StatusCode.InvalidArgument, "year"), (error.StatusCode, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        Assert.Equal(first, await GetAsync(first.Name));
    }

    [Fact]
    public async Task RecordTransformation_MissingPark_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.RecordAsync(new Proto.Park { Name = "parks/" + NewId() }, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task RecordTransformation_RevokedPark_IsFailedPreconditionAndStoresNothing()
    {
        var certified = await Client.CertifiedAsync();
        await Client.RevokeParkAsync(new Proto.RevokeParkRequest { Name = certified.Name, Reason = "复核不合格" }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordAsync(certified, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023));

        Assert.Equal((StatusCode.FailedPrecondition, "PARK_NOT_ACCEPTING_TRANSFORMATIONS"), (error.StatusCode, error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason));
        Assert.Equal(0, await RowsAsync(certified.Name));
    }

    [Fact]
    public async Task RecordTransformation_StaleEtag_IsAbortedAndChangesNothing()
    {
        var park = await Client.CertifiedAsync();
        var first = await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitallyTransformed, 2022);
        var raised = await Client.RecordAsync(park, first.EnterpriseUscc, Proto.TransformationLevel.DigitalWorkshop, 2023);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordTransformationAsync(new Proto.RecordTransformationRequest
        {
            Parent = park.Name,
            EnterpriseUscc = first.EnterpriseUscc,
            Level = Proto.TransformationLevel.SmartFactory,
            Year = 2024,
            Etag = first.Etag,
        }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(raised, await GetAsync(first.Name));
    }

    [Fact]
    public async Task RecordTransformation_RepeatedRequestId_RecordsOnce()
    {
        var park = await Client.CertifiedAsync();
        var request = new Proto.RecordTransformationRequest
        {
            Parent = park.Name,
            EnterpriseUscc = NewUscc(),
            EnterpriseDisplayName = "企业",
            Level = Proto.TransformationLevel.SmartFactory,
            Year = 2024,
            RequestId = Guid.NewGuid().ToString(),
        };

        var first = await Client.RecordTransformationAsync(request, Deadline);
        var repeat = await Client.RecordTransformationAsync(request, Deadline);

        Assert.Equal(first, repeat);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0", first.Name));
    }

    [Theory]
    [InlineData("parks/x/transformations", StatusCode.InvalidArgument)]
    [InlineData("parks/no-such-park/transformations/91340100MA2N0X1231", StatusCode.NotFound)]
    public async Task GetTransformation_MalformedOrMissing_IsInvalidArgumentOrNotFound(string name, StatusCode code) =>
        Assert.Equal(code, (await Assert.ThrowsAsync<RpcException>(() => GetAsync(name))).StatusCode);

    [Fact]
    public async Task UpdateTransformation_Mask_ChangesTheDescriptionOnlyAndEmitsUpdated()
    {
        var park = await Client.CertifiedAsync();
        var recorded = await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023);

        var updated = await Client.UpdateTransformationAsync(new Proto.UpdateTransformationRequest
        {
            Transformation = new Proto.Transformation { Name = recorded.Name, Note = "新的说明", EnterpriseDisplayName = "不在掩码中", Level = Proto.TransformationLevel.DigitalLeader, Etag = recorded.Etag },
            UpdateMask = new FieldMask { Paths = { "note" } },
        }, Deadline);

        Assert.Equal(("新的说明", recorded.EnterpriseDisplayName, Proto.TransformationLevel.DigitalWorkshop), (updated.Note, updated.EnterpriseDisplayName, updated.Level));
        Assert.Equal(updated, await GetAsync(recorded.Name));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.parks.v1.TransformationUpdated'", recorded.Name));
    }

    [Theory]
    [InlineData("level", "update_mask")]
    [InlineData("name", "transformation.enterprise_display_name")]
    public async Task UpdateTransformation_LevelOrEmptyName_IsInvalidArgumentAndChangesNothing(string path, string field)
    {
        var park = await Client.CertifiedAsync();
        var recorded = await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023);
        var mask = path == "level" ? "level" : "enterprise_display_name";

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateTransformationAsync(new Proto.UpdateTransformationRequest
        {
            Transformation = new Proto.Transformation { Name = recorded.Name },
            UpdateMask = new FieldMask { Paths = { mask } },
        }, Deadline).ResponseAsync);

        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(recorded, await GetAsync(recorded.Name));
    }

    [Fact]
    public async Task DeleteTransformation_IsGoneWithItsMilestonesAndEmitsDeleted()
    {
        var park = await Client.CertifiedAsync();
        var recorded = await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteTransformationAsync(new Proto.DeleteTransformationRequest { Name = recorded.Name, Etag = "W/\"7\"" }, Deadline).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, error.StatusCode);

        await Client.DeleteTransformationAsync(new Proto.DeleteTransformationRequest { Name = recorded.Name, Etag = recorded.Etag }, Deadline);

        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => GetAsync(recorded.Name))).StatusCode);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM transformation_milestones WHERE enterprise_uscc = @p0", recorded.EnterpriseUscc));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.parks.v1.TransformationDeleted'", recorded.Name));
    }

    [Fact]
    public async Task ListTransformations_OneParkOrEvery_FiltersByLevelAndMilestoneYearAndPages()
    {
        var park = await Client.CertifiedAsync();
        var other = await Client.CertifiedAsync(NewPark(countyCode: "340207"));
        var workshop = await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2003);
        var factory = await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.SmartFactory, 2003);
        await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitallyTransformed, 2003);
        var elsewhere = await Client.RecordAsync(other, NewUscc(), Proto.TransformationLevel.DigitalLeader, 2003);

        var inPark = await ListAllAsync(new Proto.ListTransformationsRequest { Parent = park.Name, PageSize = 2 });
        var upper = await ListAllAsync(new Proto.ListTransformationsRequest
        {
            Parent = "parks/-",
            Filter = "level >= TRANSFORMATION_LEVEL_DIGITAL_WORKSHOP AND milestone_year = 2003",
            OrderBy = "level desc",
            PageSize = 1,
        });
        var wuhu = await ListAllAsync(new Proto.ListTransformationsRequest { Parent = "parks/-", Filter = "city_code = \"340200\" AND milestone_year = 2003" });

        Assert.Equal(3, inPark.Count);
        Assert.Equal(inPark.Select(t => t.Name).Order(StringComparer.Ordinal), inPark.Select(t => t.Name));
        Assert.Equal([elsewhere.Name, factory.Name, workshop.Name], upper.Select(t => t.Name));
        Assert.Equal(elsewhere.Name, Assert.Single(wuhu).Name);
    }

    [Theory]
    [InlineData("parks/-", "milestone_year > 2003", "", "filter")]
    [InlineData("parks/-", "level = DIGITAL_WORKSHOP", "", "filter")]
    [InlineData("parks/-", "", "create_time", "order_by")]
    [InlineData("parks", "", "", "parent")]
    public async Task ListTransformations_BadArguments_AreInvalidArgumentOnTheField(string parent, string filter, string orderBy, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListTransformationsAsync(
            new Proto.ListTransformationsRequest { Parent = parent, Filter = filter, OrderBy = orderBy }, Deadline).ResponseAsync);

        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task ListTransformations_MissingPark_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListTransformationsAsync(
            new Proto.ListTransformationsRequest { Parent = "parks/" + NewId() }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private async Task<List<Proto.Transformation>> ListAllAsync(Proto.ListTransformationsRequest request)
    {
        var all = new List<Proto.Transformation>();
        do
        {
            var page = await Client.ListTransformationsAsync(request, Deadline);
            all.AddRange(page.Transformations);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return all;
    }
}
