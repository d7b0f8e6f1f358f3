using System.Net;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Industry.Parks.V1;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>
/// Issue 6's acceptance, "every method works through the gateway as well as directly": each method of
/// <c>ParkService</c>, taken from the proto's descriptor so that a new method cannot be forgotten, is called through the
/// gateway and its effect or answer compared with a direct call to the parks service. Plus one JSON/REST write through
/// the gateway's HTTP port.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ParkServiceGatewayTests(SuiteFixture fixture) : IDisposable
{
    private const string Uscc = "91340100000000003N";

    private readonly GrpcChannel _direct = TestTokens.Channel(fixture.Suite.Parks.GrpcAddress);

    public static TheoryData<string> Methods => [.. ParkService.Descriptor.Methods.Select(m => m.Name)];

    private ParkService.ParkServiceClient Gateway => new(fixture.Gateway);

    private ParkService.ParkServiceClient Direct => new(_direct);

    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Method_ThroughGateway_WorksAsDirectly(string method)
    {
        var scenario = Scenario(method) ?? throw new InvalidOperationException($"ParkService.{method} has no gateway scenario: add one to {nameof(Scenario)}.");
        await scenario();
    }

    [Fact]
    public async Task CreatePark_OverJsonRestThroughGateway_IsTheParkReadDirectly()
    {
        var park = NewPark();
        using var body = new StringContent(JsonFormatter.Default.Format(park), Encoding.UTF8, "application/json");

        using var response = await fixture.GatewayHttp.PostAsync(new Uri($"/v1/parks?requestId={Guid.NewGuid()}", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = JsonParser.Default.Parse<Park>(await response.Content.ReadAsStringAsync());
        Assert.Equal(park.DisplayName, created.DisplayName);
        Assert.Equal(created, await Direct.GetParkAsync(new GetParkRequest { Name = created.Name }, Options));
    }

    public void Dispose() => _direct.Dispose();

    /// <summary>How one method is exercised through the gateway and checked against the parks service directly.</summary>
    private Func<Task>? Scenario(string method) => method switch
    {
        "GetPark" => async () =>
        {
            var park = await CreateDirectlyAsync();
            Assert.Equal(await Direct.GetParkAsync(new GetParkRequest { Name = park.Name }, Options), await Gateway.GetParkAsync(new GetParkRequest { Name = park.Name }, Options));
        }
        ,
        "ListParks" => async () =>
        {
            var park = await CertifiedDirectlyAsync(year: 2008);
            var request = new ListParksRequest { Filter = "certification_year = 2008", PageSize = 10 };
            var throughGateway = await Gateway.ListParksAsync(request, Options);
            Assert.Contains(throughGateway.Parks, p => p.Name == park.Name);
            Assert.Equal(await Direct.ListParksAsync(request, Options), throughGateway);
        }
        ,
        "CreatePark" => async () =>
        {
            var request = new CreateParkRequest { Park = NewPark(), RequestId = Guid.NewGuid().ToString() };
            var created = await Gateway.CreateParkAsync(request, Options);
            Assert.Equal(created, await Direct.GetParkAsync(new GetParkRequest { Name = created.Name }, Options));
            Assert.Equal(created, await Direct.CreateParkAsync(request, Options)); // the retry, directly: the same answer
        }
        ,
        "UpdatePark" => async () =>
        {
            var park = await CreateDirectlyAsync();
            var updated = await Gateway.UpdateParkAsync(new UpdateParkRequest { Park = new Park { Name = park.Name, DisplayName = "经网关修改", Etag = park.Etag } }, Options);
            Assert.Equal("经网关修改", updated.DisplayName);
            Assert.Equal(updated, await Direct.GetParkAsync(new GetParkRequest { Name = park.Name }, Options));
        }
        ,
        "DeletePark" => async () =>
        {
            var park = await CreateDirectlyAsync();
            await Gateway.DeleteParkAsync(new DeleteParkRequest { Name = park.Name, Etag = park.Etag }, Options);
            await AssertNotFoundAsync(() => Direct.GetParkAsync(new GetParkRequest { Name = park.Name }, Options).ResponseAsync);
        }
        ,
        "SubmitPark" => async () =>
        {
            var park = await CreateDirectlyAsync();
            var submitted = await Gateway.SubmitParkAsync(new SubmitParkRequest { Name = park.Name }, Options);
            Assert.Equal(ParkState.UnderReview, submitted.State);
            Assert.Equal(submitted, await Direct.GetParkAsync(new GetParkRequest { Name = park.Name }, Options));
        }
        ,
        "CertifyPark" => async () =>
        {
            var park = await Direct.SubmitParkAsync(new SubmitParkRequest { Name = (await CreateDirectlyAsync()).Name }, Options);
            var certified = await Gateway.CertifyParkAsync(new CertifyParkRequest { Name = park.Name, Year = 2023, Batch = 1 }, Options);
            Assert.Equal(ParkState.Certified, certified.State);
            Assert.Equal(certified, await Direct.GetParkAsync(new GetParkRequest { Name = park.Name }, Options));
        }
        ,
        "RejectPark" => async () =>
        {
            var park = await Direct.SubmitParkAsync(new SubmitParkRequest { Name = (await CreateDirectlyAsync()).Name }, Options);
            var rejected = await Gateway.RejectParkAsync(new RejectParkRequest { Name = park.Name, Reason = "材料不全" }, Options);
            Assert.Equal(ParkState.Rejected, rejected.State);
            Assert.Equal(rejected, await Direct.GetParkAsync(new GetParkRequest { Name = park.Name }, Options));
        }
        ,
        "RevokePark" => async () =>
        {
            var park = await CertifiedDirectlyAsync();
            var revoked = await Gateway.RevokeParkAsync(new RevokeParkRequest { Name = park.Name, Reason = "复核不合格" }, Options);
            Assert.Equal(ParkState.Revoked, revoked.State);
            Assert.Equal(revoked, await Direct.GetParkAsync(new GetParkRequest { Name = park.Name }, Options));
        }
        ,
        "RecordTransformation" => async () =>
        {
            var park = await CertifiedDirectlyAsync();
            var recorded = await Gateway.RecordTransformationAsync(Record(park, TransformationLevel.DigitalWorkshop), Options);
            Assert.Equal(recorded, await Direct.GetTransformationAsync(new GetTransformationRequest { Name = recorded.Name }, Options));
        }
        ,
        "BatchRecordTransformations" => async () =>
        {
            var park = await CertifiedDirectlyAsync();
            var batch = await Gateway.BatchRecordTransformationsAsync(new BatchRecordTransformationsRequest
            {
                Parent = park.Name,
                Requests = { Record(park, TransformationLevel.DigitalWorkshop), Record(park, TransformationLevel.SmartFactory) },
            }, Options);
            Assert.Equal(2, batch.Transformations.Count);
            Assert.Equal(batch.Transformations[1], await Direct.GetTransformationAsync(new GetTransformationRequest { Name = batch.Transformations[1].Name }, Options));
        }
        ,
        "GetTransformation" => async () =>
        {
            var recorded = await RecordedDirectlyAsync();
            var request = new GetTransformationRequest { Name = recorded.Name };
            Assert.Equal(await Direct.GetTransformationAsync(request, Options), await Gateway.GetTransformationAsync(request, Options));
        }
        ,
        "ListTransformations" => async () =>
        {
            var recorded = await RecordedDirectlyAsync();
            var request = new ListTransformationsRequest { Parent = recorded.Name[..recorded.Name.IndexOf("/transformations/", StringComparison.Ordinal)] };
            var throughGateway = await Gateway.ListTransformationsAsync(request, Options);
            Assert.Equal(recorded, Assert.Single(throughGateway.Transformations));
            Assert.Equal(await Direct.ListTransformationsAsync(request, Options), throughGateway);
        }
        ,
        "UpdateTransformation" => async () =>
        {
            var recorded = await RecordedDirectlyAsync();
            var updated = await Gateway.UpdateTransformationAsync(new UpdateTransformationRequest { Transformation = new Transformation { Name = recorded.Name, Note = "经网关修改" } }, Options);
            Assert.Equal("经网关修改", updated.Note);
            Assert.Equal(updated, await Direct.GetTransformationAsync(new GetTransformationRequest { Name = recorded.Name }, Options));
        }
        ,
        "DeleteTransformation" => async () =>
        {
            var recorded = await RecordedDirectlyAsync();
            await Gateway.DeleteTransformationAsync(new DeleteTransformationRequest { Name = recorded.Name, Etag = recorded.Etag }, Options);
            await AssertNotFoundAsync(() => Direct.GetTransformationAsync(new GetTransformationRequest { Name = recorded.Name }, Options).ResponseAsync);
        }
        ,
        "GetParkStats" => async () =>
        {
            var recorded = await RecordedDirectlyAsync();
            var request = new GetParkStatsRequest { Name = recorded.Name[..recorded.Name.IndexOf("/transformations/", StringComparison.Ordinal)] + "/stats" };
            var throughGateway = await Gateway.GetParkStatsAsync(request, Options);
            Assert.Equal(1, throughGateway.TransformedEnterprises);
            Assert.Equal(await Direct.GetParkStatsAsync(request, Options), throughGateway);
        }
        ,
        "GetDigitalTargets" => async () =>
        {
            var request = new GetDigitalTargetsRequest { Name = "digitalTargets/2024" };
            Assert.Equal(await Direct.GetDigitalTargetsAsync(request, Options), await Gateway.GetDigitalTargetsAsync(request, Options));
        }
        ,
        "ListDigitalTargets" => async () =>
        {
            var request = new ListDigitalTargetsRequest { PageSize = 100 };
            var throughGateway = await Gateway.ListDigitalTargetsAsync(request, Options);
            Assert.Contains(throughGateway.DigitalTargets, t => t.Name == "digitalTargets/2024");
            Assert.Equal(await Direct.ListDigitalTargetsAsync(request, Options), throughGateway);
        }
        ,
        "UpdateDigitalTargets" => async () =>
        {
            var targets = await Gateway.UpdateDigitalTargetsAsync(
                new UpdateDigitalTargetsRequest { DigitalTargets = new DigitalTargets { Name = "digitalTargets/2036", ParksCertified = 25 }, AllowMissing = true }, Options);
            Assert.Equal(25, targets.ParksCertified);
            Assert.Equal(targets, await Direct.GetDigitalTargetsAsync(new GetDigitalTargetsRequest { Name = targets.Name }, Options));
        }
        ,
        // One small type, republished through the gateway: a snapshot per stored year, and the same request id sent
        // straight to the service answers the first counts.
        "RepublishState" => async () =>
        {
            var years = (await Direct.ListDigitalTargetsAsync(new ListDigitalTargetsRequest { PageSize = 1000 }, Options)).DigitalTargets.Count;
            var request = new RepublishStateRequest { ResourceTypes = { "industry.anhui.gov.cn/DigitalTargets" }, RequestId = Guid.NewGuid().ToString() };
            var throughGateway = await Gateway.RepublishStateAsync(request, Options);
            var counted = Assert.Single(throughGateway.RepublishedTypes);
            Assert.Equal(("industry.anhui.gov.cn/DigitalTargets", (long)years), (counted.ResourceType, counted.SnapshotCount));
            Assert.Equal(throughGateway, await Direct.RepublishStateAsync(request, Options));
        }
        ,
        "GetDigitalProgress" => async () =>
        {
            await RecordedDirectlyAsync(); // something to count
            var request = new GetDigitalProgressRequest { Year = 2024 };
            var throughGateway = await Gateway.GetDigitalProgressAsync(request, Options);
            Assert.True(throughGateway.EnterprisesTransformed.Actual > 0);
            Assert.Equal(await Direct.GetDigitalProgressAsync(request, Options), throughGateway);
        }
        ,
        _ => null,
    };

    private static Park NewPark() => new()
    {
        DisplayName = "网关验收示范园区",
        CountyCode = "340104",
        ParkType = ParkType.NationalHighTechZone,
        LeadIndustry = "industries/IT",
        AboveSizeEnterpriseCount = 50,
    };

    private static RecordTransformationRequest Record(Park park, TransformationLevel level) => new()
    {
        Parent = park.Name,
        EnterpriseUscc = Uscc,
        EnterpriseDisplayName = "网关验收企业",
        Level = level,
        Year = 2024,
    };

    private async Task<Park> CreateDirectlyAsync() => await Direct.CreateParkAsync(new CreateParkRequest { Park = NewPark() }, Options);

    private async Task<Park> CertifiedDirectlyAsync(int year = 2023)
    {
        var park = await Direct.SubmitParkAsync(new SubmitParkRequest { Name = (await CreateDirectlyAsync()).Name }, Options);
        return await Direct.CertifyParkAsync(new CertifyParkRequest { Name = park.Name, Year = year, Batch = 1 }, Options);
    }

    private async Task<Transformation> RecordedDirectlyAsync() =>
        await Direct.RecordTransformationAsync(Record(await CertifiedDirectlyAsync(), TransformationLevel.SmartFactory), Options);

    private static async Task AssertNotFoundAsync(Func<Task> call) =>
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
}
