using Google.Rpc;
using Grpc.Core;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;
using static Industry.IntegrationTests.Parks.ParkTestData;
using Proto = Industry.Parks.V1;

namespace Industry.IntegrationTests.Parks;

/// <summary>BatchRecordTransformations (AIP-233) over gRPC and PostgreSQL: every item and its event, or nothing.</summary>
public sealed class BatchRecordTransformationsApiTests(ParksServiceFixture service) : IClassFixture<ParksServiceFixture>
{
    private Proto.ParkService.ParkServiceClient Client => new(service.Channel);

    private static Proto.RecordTransformationRequest Item(Proto.Park park, string uscc, Proto.TransformationLevel level, int year, string parent = "") => new()
    {
        Parent = parent.Length > 0 ? parent : park.Name,
        EnterpriseUscc = uscc,
        EnterpriseDisplayName = "安徽示范制造有限公司",
        Level = level,
        Year = year,
    };

    private Task<long> RowsAsync(Proto.Park park) =>
        service.CountAsync("SELECT count(*) FROM transformations WHERE park_id = @p0", park.Name["parks/".Length..]);

    private Task<long> EventsAsync(Proto.Park park) =>
        service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject LIKE @p0 AND event_type = 'industry.parks.v1.TransformationRecorded'", park.Name + "/transformations/%");

    [Fact]
    public async Task BatchRecordTransformations_StoresEveryItemInOrderAndEmitsEachEvent()
    {
        var park = await Client.CertifiedAsync();
        var other = await Client.CertifiedAsync();
        var (first, second) = (NewUscc(), NewUscc());

        var response = await Client.BatchRecordTransformationsAsync(new Proto.BatchRecordTransformationsRequest
        {
            Parent = "parks/-",
            Requests =
            {
                Item(park, first, Proto.TransformationLevel.DigitallyTransformed, 2022),
                Item(park, first, Proto.TransformationLevel.SmartFactory, 2023), // the same record raised within the batch
                Item(other, second, Proto.TransformationLevel.DigitalWorkshop, 2023),
            },
        }, Deadline);

        Assert.Equal(
            [(Proto.TransformationLevel.DigitallyTransformed, "W/\"1\""), (Proto.TransformationLevel.SmartFactory, "W/\"2\""), (Proto.TransformationLevel.DigitalWorkshop, "W/\"1\"")],
            response.Transformations.Select(t => (t.Level, t.Etag)));
        var stored = await Client.GetTransformationAsync(new Proto.GetTransformationRequest { Name = park.Name + "/transformations/" + first }, Deadline);
        Assert.Equal(response.Transformations[1], stored);
        Assert.Equal((1, 1), (await RowsAsync(park), await RowsAsync(other)));
        Assert.Equal((2, 1), (await EventsAsync(park), await EventsAsync(other)));
        Assert.Equal(3, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE (subject LIKE @p0 OR subject LIKE @p1) AND actor = 'test-province_admin'", park.Name + "/%", other.Name + "/%"));
    }

    [Fact]
    public async Task BatchRecordTransformations_OneInvalidItem_IsInvalidArgumentNamingItAndStoresNothing()
    {
        var park = await Client.CertifiedAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.BatchRecordTransformationsAsync(new Proto.BatchRecordTransformationsRequest
        {
            Parent = park.Name,
            Requests =
            {
                Item(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023),
                Item(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2999),
            },
        }, Deadline).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "requests[1].year"), (error.StatusCode, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        Assert.Equal((0, 0), (await RowsAsync(park), await EventsAsync(park)));
    }

    [Fact]
    public async Task BatchRecordTransformations_ItemOfAnotherParkThanTheBatchsParent_IsInvalidArgument()
    {
        var park = await Client.CertifiedAsync();
        var other = await Client.CertifiedAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.BatchRecordTransformationsAsync(new Proto.BatchRecordTransformationsRequest
        {
            Parent = park.Name,
            Requests = { Item(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023, parent: other.Name) },
        }, Deadline).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "requests[0].parent"), (error.StatusCode, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        Assert.Equal(0, await RowsAsync(other));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task BatchRecordTransformations_NoneOrMoreThan1000Items_IsInvalidArgumentOnRequests(int count)
    {
        var park = await Client.CertifiedAsync();
        var request = new Proto.BatchRecordTransformationsRequest { Parent = park.Name };
        request.Requests.Add(Enumerable.Range(0, count).Select(_ => Item(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023)));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.BatchRecordTransformationsAsync(request, Deadline).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "requests"), (error.StatusCode, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        Assert.Equal(0, await RowsAsync(park));
    }

    [Fact]
    public async Task BatchRecordTransformations_CityEditorWithAnItemOutsideItsCity_IsPermissionDeniedAndStoresNothing()
    {
        var hefei = await Client.CertifiedAsync();
        var wuhu = await Client.CertifiedAsync(NewPark("芜湖经济技术开发区", "340207"));
        var editor = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340100"));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.BatchRecordTransformationsAsync(new Proto.BatchRecordTransformationsRequest
        {
            Parent = "parks/-",
            Requests =
            {
                Item(hefei, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023),
                Item(wuhu, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023),
            },
        }, editor, DateTime.UtcNow.AddSeconds(15)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal((0, 0), (await RowsAsync(hefei), await RowsAsync(wuhu)));

        var own = await Client.BatchRecordTransformationsAsync(new Proto.BatchRecordTransformationsRequest
        {
            Parent = hefei.Name,
            Requests = { Item(hefei, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023, parent: "") },
        }, editor, DateTime.UtcNow.AddSeconds(15));
        Assert.Equal("340100", Assert.Single(own.Transformations).CityCode);
    }
}
