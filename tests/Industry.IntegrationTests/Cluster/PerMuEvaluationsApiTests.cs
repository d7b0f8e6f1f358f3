using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using static Industry.IntegrationTests.Cluster.EnterpriseTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>
/// 亩均效益评价 over gRPC on PostgreSQL: create, get, list with its filters, update with etags, the city rule, every error
/// code with nothing stored on rejection, and the grade counts of a cluster's stats.
/// </summary>
public sealed class PerMuEvaluationsApiTests(ClusterServiceFixture service) : IClassFixture<ClusterServiceFixture>
{
    private static readonly Metadata HefeiToken = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340100", subject: "hefei-editor"));

    private static readonly Metadata WuhuToken = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340200", subject: "wuhu-editor"));

    private static CallOptions HefeiEditor => new(headers: HefeiToken, deadline: DateTime.UtcNow.AddSeconds(15));

    private static CallOptions WuhuEditor => new(headers: WuhuToken, deadline: DateTime.UtcNow.AddSeconds(15));

    private Proto.ClusterService.ClusterServiceClient Client => new(service.Channel);

    private static Proto.PerMuEvaluation NewEvaluation(int year = 2023, Proto.PerMuGrade grade = Proto.PerMuGrade.B) =>
        new() { Year = year, Grade = grade, LandAreaMu = 120.5, TaxYuan = 6_000_000, RevenueYuan = 301_250_000 };

    [Fact]
    public async Task CreatePerMuEvaluation_Valid_IsStoredWithItsPerMuFiguresAndCityAndEmitsCreated()
    {
        var enterprise = await Client.CreateEnterpriseAsync();

        var created = await Client.CreatePerMuEvaluationAsync(new Proto.CreatePerMuEvaluationRequest { Parent = enterprise.Name, PerMuEvaluation = NewEvaluation() }, Deadline);

        Assert.Equal((enterprise.Name + "/perMuEvaluations/2023", 2023, "340100", "W/\"1\""), (created.Name, created.Year, created.CityCode, created.Etag));
        Assert.Equal((120.5, 4.98, 250.0), (created.LandAreaMu, created.TaxPerMuTenThousandYuan, created.RevenuePerMuTenThousandYuan));
        Assert.Equal(created, await Client.GetPerMuEvaluationAsync(new Proto.GetPerMuEvaluationRequest { Name = created.Name }, Deadline));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.PerMuEvaluationCreated' AND body::jsonb -> 'perMuEvaluation' ->> 'grade' = 'PER_MU_GRADE_B'",
            created.Name));
    }

    [Fact]
    public async Task CreatePerMuEvaluation_YearEvaluatedAlready_IsAlreadyExistsAndKeepsTheFirst()
    {
        var enterprise = await Client.CreateEnterpriseAsync();
        var first = await Client.CreatePerMuEvaluationAsync(new Proto.CreatePerMuEvaluationRequest { Parent = enterprise.Name, PerMuEvaluation = NewEvaluation() }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreatePerMuEvaluationAsync(
            new Proto.CreatePerMuEvaluationRequest { Parent = enterprise.Name, PerMuEvaluation = NewEvaluation(grade: Proto.PerMuGrade.D) }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(first, await Client.GetPerMuEvaluationAsync(new Proto.GetPerMuEvaluationRequest { Name = first.Name }, Deadline));
    }

    [Theory]
    [InlineData("year")]
    [InlineData("grade")]
    [InlineData("land_area_mu")]
    [InlineData("tax_yuan")]
    public async Task CreatePerMuEvaluation_BadField_IsInvalidArgumentOnThatFieldAndStoresNothing(string field)
    {
        var enterprise = await Client.CreateEnterpriseAsync();
        var evaluation = NewEvaluation();
        switch (field)
        {
            case "year": evaluation.Year = DateTime.UtcNow.Year + 1; break;
            case "grade": evaluation.Grade = Proto.PerMuGrade.Unspecified; break;
            case "land_area_mu": evaluation.LandAreaMu = double.NaN; break;
            default: evaluation.TaxYuan = -5; break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreatePerMuEvaluationAsync(new Proto.CreatePerMuEvaluationRequest { Parent = enterprise.Name, PerMuEvaluation = evaluation }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("per_mu_evaluation." + field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM per_mu_evaluations WHERE uscc = @p0", enterprise.Uscc));
    }

    [Fact]
    public async Task CreatePerMuEvaluation_MissingEnterprise_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreatePerMuEvaluationAsync(
            new Proto.CreatePerMuEvaluationRequest { Parent = "enterprises/" + NewUscc(), PerMuEvaluation = NewEvaluation() }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task CityEditor_WritesItsOwnCitysEvaluationsOnly_AndLearnsNothingOfAnotherCitysEnterprises()
    {
        var hefei = await Client.CreateEnterpriseAsync();

        var own = await Client.CreatePerMuEvaluationAsync(new Proto.CreatePerMuEvaluationRequest { Parent = hefei.Name, PerMuEvaluation = NewEvaluation() }, HefeiEditor);
        var create = await Assert.ThrowsAsync<RpcException>(() => Client.CreatePerMuEvaluationAsync(
            new Proto.CreatePerMuEvaluationRequest { Parent = hefei.Name, PerMuEvaluation = NewEvaluation(2022) }, WuhuEditor).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => Client.CreatePerMuEvaluationAsync(
            new Proto.CreatePerMuEvaluationRequest { Parent = "enterprises/" + NewUscc(), PerMuEvaluation = NewEvaluation() }, WuhuEditor).ResponseAsync);
        var update = await Assert.ThrowsAsync<RpcException>(() => Client.UpdatePerMuEvaluationAsync(
            new Proto.UpdatePerMuEvaluationRequest { PerMuEvaluation = new Proto.PerMuEvaluation { Name = own.Name, Grade = Proto.PerMuGrade.D } }, WuhuEditor).ResponseAsync);

        Assert.Equal("hefei-editor", own.UpdateActor);
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied), (create.StatusCode, missing.StatusCode, update.StatusCode));
        Assert.Equal("OUTSIDE_CALLER_CITY", update.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        Assert.Equal(own, await Client.GetPerMuEvaluationAsync(new Proto.GetPerMuEvaluationRequest { Name = own.Name }, Deadline));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM per_mu_evaluations WHERE uscc = @p0", hefei.Uscc));
    }

    [Fact]
    public async Task UpdatePerMuEvaluation_MaskedFields_ChangeTheFiguresAndEmitUpdatedWithTheChangedPaths()
    {
        var created = await Client.CreatePerMuEvaluationAsync(new Proto.CreatePerMuEvaluationRequest { Parent = (await Client.CreateEnterpriseAsync()).Name, PerMuEvaluation = NewEvaluation() }, Deadline);

        var updated = await Client.UpdatePerMuEvaluationAsync(new Proto.UpdatePerMuEvaluationRequest
        {
            PerMuEvaluation = new Proto.PerMuEvaluation { Name = created.Name, Grade = Proto.PerMuGrade.A, TaxYuan = 7_000_000, RevenueYuan = 1, Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "grade", "tax_yuan" } },
        }, Deadline);

        Assert.Equal((Proto.PerMuGrade.A, 7_000_000L, 301_250_000L, 5.81, "W/\"2\""), (updated.Grade, updated.TaxYuan, updated.RevenueYuan, updated.TaxPerMuTenThousandYuan, updated.Etag));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.PerMuEvaluationUpdated' AND body::jsonb ->> 'updateMask' = 'grade,taxYuan'",
            created.Name));
    }

    [Fact]
    public async Task UpdatePerMuEvaluation_StaleEtagOrImmutableYearOrMissing_IsAbortedInvalidArgumentOrNotFoundAndChangesNothing()
    {
        var created = await Client.CreatePerMuEvaluationAsync(new Proto.CreatePerMuEvaluationRequest { Parent = (await Client.CreateEnterpriseAsync()).Name, PerMuEvaluation = NewEvaluation() }, Deadline);

        var stale = await Assert.ThrowsAsync<RpcException>(() => Client.UpdatePerMuEvaluationAsync(
            new Proto.UpdatePerMuEvaluationRequest { PerMuEvaluation = new Proto.PerMuEvaluation { Name = created.Name, Grade = Proto.PerMuGrade.D, Etag = "W/\"9\"" } }, Deadline).ResponseAsync);
        var year = await Assert.ThrowsAsync<RpcException>(() => Client.UpdatePerMuEvaluationAsync(
            new Proto.UpdatePerMuEvaluationRequest { PerMuEvaluation = new Proto.PerMuEvaluation { Name = created.Name, Year = 2020 } }, Deadline).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => Client.UpdatePerMuEvaluationAsync(
            new Proto.UpdatePerMuEvaluationRequest { PerMuEvaluation = new Proto.PerMuEvaluation { Name = created.Name[..^4] + "2019", Grade = Proto.PerMuGrade.D } }, Deadline).ResponseAsync);

        Assert.Equal((StatusCode.Aborted, StatusCode.InvalidArgument, StatusCode.NotFound), (stale.StatusCode, year.StatusCode, missing.StatusCode));
        Assert.Equal(created, await Client.GetPerMuEvaluationAsync(new Proto.GetPerMuEvaluationRequest { Name = created.Name }, Deadline));
    }

    [Fact]
    public async Task ListPerMuEvaluations_ByEnterpriseOrAcrossTheProvince_FiltersByYearGradeAndCity()
    {
        var hefei = await Client.CreateEnterpriseAsync();
        var wuhu = await Client.CreateEnterpriseAsync(NewEnterprise(county: "340202"));
        foreach (var (enterprise, year, grade) in new[] { (hefei, 2021, Proto.PerMuGrade.C), (hefei, 2022, Proto.PerMuGrade.B), (wuhu, 2022, Proto.PerMuGrade.B) })
        {
            await Client.CreatePerMuEvaluationAsync(new Proto.CreatePerMuEvaluationRequest { Parent = enterprise.Name, PerMuEvaluation = NewEvaluation(year, grade) }, Deadline);
        }

        var own = await Client.ListPerMuEvaluationsAsync(new Proto.ListPerMuEvaluationsRequest { Parent = hefei.Name }, Deadline);
        var wuhuB = await Client.ListPerMuEvaluationsAsync(
            new Proto.ListPerMuEvaluationsRequest { Parent = "enterprises/-", Filter = "year = 2022 AND grade = PER_MU_GRADE_B AND city_code = \"340200\"", PageSize = 1000 }, Deadline);
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListPerMuEvaluationsAsync(new Proto.ListPerMuEvaluationsRequest { Parent = "enterprises/-", Filter = "grade = PER_MU_GRADE_E" }, Deadline).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Client.ListPerMuEvaluationsAsync(new Proto.ListPerMuEvaluationsRequest { Parent = "enterprises/" + NewUscc() }, Deadline).ResponseAsync);

        Assert.Equal([2022, 2021], own.PerMuEvaluations.Select(e => e.Year));
        Assert.Contains(wuhuB.PerMuEvaluations, e => e.Name == wuhu.Name + "/perMuEvaluations/2022");
        Assert.All(wuhuB.PerMuEvaluations, e => Assert.Equal(("340200", 2022, Proto.PerMuGrade.B), (e.CityCode, e.Year, e.Grade)));
        Assert.Equal((StatusCode.InvalidArgument, StatusCode.NotFound), (error.StatusCode, unknown.StatusCode));
    }

    [Fact]
    public async Task DeleteEnterprise_TakesItsEvaluationsAlong_AndARecreatedOneGoesOnFromTheirVersion()
    {
        var enterprise = await Client.CreateEnterpriseAsync();
        var evaluation = await Client.CreatePerMuEvaluationAsync(new Proto.CreatePerMuEvaluationRequest { Parent = enterprise.Name, PerMuEvaluation = NewEvaluation() }, Deadline);

        await Client.DeleteEnterpriseAsync(new Proto.DeleteEnterpriseRequest { Name = enterprise.Name }, Deadline);
        var gone = await Assert.ThrowsAsync<RpcException>(() => Client.GetPerMuEvaluationAsync(new Proto.GetPerMuEvaluationRequest { Name = evaluation.Name }, Deadline).ResponseAsync);
        await Client.CreateEnterpriseAsync(NewEnterprise(uscc: enterprise.Uscc));
        var again = await Client.CreatePerMuEvaluationAsync(new Proto.CreatePerMuEvaluationRequest { Parent = enterprise.Name, PerMuEvaluation = NewEvaluation() }, Deadline);

        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
        Assert.Equal("W/\"2\"", again.Etag);
    }

    [Fact]
    public async Task GetClusterStats_MembersByPerMuGrade_CountsTheLatestYearEvaluated()
    {
        var cluster = await Client.CreateAsync(NewCluster());
        foreach (var (year, grade) in new[] { (2021, Proto.PerMuGrade.D), (2022, Proto.PerMuGrade.A), (2022, Proto.PerMuGrade.A), (2022, Proto.PerMuGrade.C) })
        {
            var enterprise = await Client.CreateEnterpriseAsync();
            await Client.AddMemberAsync(cluster, enterprise);
            await Client.CreatePerMuEvaluationAsync(new Proto.CreatePerMuEvaluationRequest { Parent = enterprise.Name, PerMuEvaluation = NewEvaluation(year, grade) }, Deadline);
        }

        await Client.CreatePerMuEvaluationAsync(new Proto.CreatePerMuEvaluationRequest { Parent = (await Client.CreateEnterpriseAsync()).Name, PerMuEvaluation = NewEvaluation(2023) }, Deadline); // not a member

        var stats = await Client.GetClusterStatsAsync(new Proto.GetClusterStatsRequest { Name = cluster.Name + "/stats" }, Deadline);

        Assert.Equal(2022, stats.PerMuEvaluationYear);
        Assert.Equal([(Proto.PerMuGrade.A, 2), (Proto.PerMuGrade.B, 0), (Proto.PerMuGrade.C, 1), (Proto.PerMuGrade.D, 0)], stats.MembersByPerMuGrade.Select(g => (g.Grade, g.Count)));
    }
}
