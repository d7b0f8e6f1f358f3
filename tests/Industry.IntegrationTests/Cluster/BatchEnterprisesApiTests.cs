using Google.Rpc;
using Grpc.Core;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using static Industry.IntegrationTests.Cluster.EnterpriseTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>BatchCreateEnterprises and BatchGrantQualifications (AIP-233) over gRPC and PostgreSQL: every item and its event, or nothing.</summary>
public sealed class BatchEnterprisesApiTests(ClusterServiceFixture service) : IClassFixture<ClusterServiceFixture>
{
    private Proto.ClusterService.ClusterServiceClient Client => new(service.Channel);

    private Task<long> StoredAsync(params string[] usccs) =>
        service.CountAsync("SELECT count(*) FROM enterprises WHERE uscc = ANY(@p0)", [usccs]);

    private Task<long> EventsAsync(string eventType, params string[] usccs) =>
        service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = ANY(@p0) AND event_type = @p1", usccs.Select(u => "enterprises/" + u).ToArray(), "industry.clusters.v1." + eventType);

    private static Proto.CreateEnterpriseRequest Create(string uscc) => new() { Enterprise = NewEnterprise(uscc) };

    [Fact]
    public async Task BatchCreateEnterprises_CreatesEveryItemAndEmitsEachEvent()
    {
        string[] usccs = [NewUscc(), NewUscc(), NewUscc()];

        var response = await Client.BatchCreateEnterprisesAsync(new Proto.BatchCreateEnterprisesRequest { Requests = { usccs.Select(Create) } }, Deadline);

        Assert.Equal(usccs.Select(u => "enterprises/" + u), response.Enterprises.Select(e => e.Name));
        Assert.Equal(response.Enterprises[2], await Client.GetEnterpriseAsync(response.Enterprises[2].Name));
        Assert.Equal(3, await StoredAsync(usccs));
        Assert.Equal(3, await EventsAsync("EnterpriseCreated", usccs));
        Assert.Equal(3, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = ANY(@p0) AND actor = 'test-province_admin'", [usccs.Select(u => "enterprises/" + u).ToArray()]));
    }

    [Fact]
    public async Task BatchCreateEnterprises_OneInvalidItem_IsInvalidArgumentNamingItAndStoresNothing()
    {
        var (good, bad) = (NewUscc(), NewUscc());
        var invalid = Create(bad);
        invalid.Enterprise.Uscc = bad[..17] + (bad[17] == '0' ? '1' : '0'); // a wrong check character

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.BatchCreateEnterprisesAsync(
            new Proto.BatchCreateEnterprisesRequest { Requests = { Create(good), Create(NewUscc()), Create(NewUscc()), invalid } }, Deadline).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "requests[3].enterprise.uscc"), (error.StatusCode, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        Assert.Equal(0, await StoredAsync(good));
        Assert.Equal(0, await EventsAsync("EnterpriseCreated", good));
    }

    [Fact]
    public async Task BatchCreateEnterprises_TheSameUsccTwice_IsAlreadyExistsAndStoresNothing()
    {
        var uscc = NewUscc();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.BatchCreateEnterprisesAsync(
            new Proto.BatchCreateEnterprisesRequest { Requests = { Create(uscc), Create(uscc) } }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains("requests[1]", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(uscc));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task BatchCreateEnterprises_NoneOrMoreThan1000Items_IsInvalidArgumentOnRequests(int count)
    {
        var usccs = Enumerable.Range(0, count).Select(_ => NewUscc()).ToArray();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.BatchCreateEnterprisesAsync(
            new Proto.BatchCreateEnterprisesRequest { Requests = { usccs.Select(Create) } }, Deadline).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "requests"), (error.StatusCode, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        Assert.Equal(0, await StoredAsync(usccs));
    }

    [Fact]
    public async Task BatchGrantQualifications_GrantsInOrderAndEmitsEachEvent()
    {
        var (first, second) = (await Client.CreateEnterpriseAsync(), await Client.CreateEnterpriseAsync());

        var response = await Client.BatchGrantQualificationsAsync(new Proto.BatchGrantQualificationsRequest
        {
            Requests =
            {
                new Proto.GrantQualificationRequest { Name = first.Name, Type = Proto.QualificationType.SpecializedSme, Year = 2022 },
                new Proto.GrantQualificationRequest { Name = first.Name, Type = Proto.QualificationType.LittleGiant, Year = 2023 }, // needs the grant before it
                new Proto.GrantQualificationRequest { Name = second.Name, Type = Proto.QualificationType.InnovativeSme, Year = 2023 },
            },
        }, Deadline);

        Assert.Equal(["W/\"2\"", "W/\"3\"", "W/\"2\""], response.Enterprises.Select(e => e.Etag));
        Assert.Equal(response.Enterprises[1], await Client.GetEnterpriseAsync(first.Name));
        Assert.Equal(3, await EventsAsync("EnterpriseQualified", first.Uscc, second.Uscc));
    }

    [Fact]
    public async Task BatchGrantQualifications_OneInvalidItem_IsInvalidArgumentNamingItAndGrantsNothing()
    {
        var enterprise = await Client.CreateEnterpriseAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.BatchGrantQualificationsAsync(new Proto.BatchGrantQualificationsRequest
        {
            Requests =
            {
                new Proto.GrantQualificationRequest { Name = enterprise.Name, Type = Proto.QualificationType.InnovativeSme, Year = 2022 },
                new Proto.GrantQualificationRequest { Name = enterprise.Name, Type = Proto.QualificationType.SpecializedSme, Year = 2999 },
            },
        }, Deadline).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "requests[1].year"), (error.StatusCode, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        Assert.Equal(enterprise, await Client.GetEnterpriseAsync(enterprise.Name));
        Assert.Equal(0, await EventsAsync("EnterpriseQualified", enterprise.Uscc));
    }
}
