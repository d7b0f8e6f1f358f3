using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using static Industry.IntegrationTests.Parks.ParkTestData;
using Proto = Industry.Parks.V1;

namespace Industry.IntegrationTests.Parks;

/// <summary>GetParkStats, the digital targets and GetDigitalProgress over gRPC and PostgreSQL. Each test counts in a year of its own.</summary>
public sealed class ProgressApiTests(ParksServiceFixture service) : IClassFixture<ParksServiceFixture>
{
    private Proto.ParkService.ParkServiceClient Client => new(service.Channel);

    [Fact]
    public async Task GetParkStats_CountsCurrentLevelsAndCoverage()
    {
        var park = await Client.CertifiedAsync(); // 200 above-size enterprises
        var first = await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitallyTransformed, 2022);
        await Client.RecordAsync(park, first.EnterpriseUscc, Proto.TransformationLevel.SmartFactory, 2023);
        await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, 2023);
        await Client.RecordAsync(park, NewUscc(), Proto.TransformationLevel.DigitallyTransformed, 2023);

        var stats = await Client.GetParkStatsAsync(new Proto.GetParkStatsRequest { Name = park.Name + "/stats" }, Deadline);

        Assert.Equal((park.Name + "/stats", 3, 200, 1.5), (stats.Name, stats.TransformedEnterprises, stats.AboveSizeEnterprises, stats.CoveragePercent));
        Assert.Equal((1, 1, 1, 0), (stats.DigitallyTransformed, stats.DigitalWorkshops, stats.SmartFactories, stats.DigitalLeaders));
    }

    [Fact]
    public async Task GetParkStats_NoAboveSizeCount_HasNoCoverage()
    {
        var park = NewPark();
        park.AboveSizeEnterpriseCount = 0;
        var created = await Client.CreateAsync(park);

        var stats = await Client.GetParkStatsAsync(new Proto.GetParkStatsRequest { Name = created.Name + "/stats" }, Deadline);

        Assert.Equal((0, false), (stats.TransformedEnterprises, stats.HasCoveragePercent));
    }

    [Theory]
    [InlineData("parks/no-such-park/stats", StatusCode.NotFound)]
    [InlineData("parks/x", StatusCode.InvalidArgument)]
    [InlineData("parks/x/y/stats", StatusCode.InvalidArgument)]
    public async Task GetParkStats_MissingOrMalformed_IsNotFoundOrInvalidArgument(string name, StatusCode code) =>
        Assert.Equal(code, (await Assert.ThrowsAsync<RpcException>(() => Client.GetParkStatsAsync(new Proto.GetParkStatsRequest { Name = name }, Deadline).ResponseAsync)).StatusCode);

    [Fact]
    public async Task GetDigitalProgress_CountsTheYearsFiguresAgainstItsTargetsInTotalAndPerCity()
    {
        const int year = 2011;
        await Client.UpdateDigitalTargetsAsync(new Proto.UpdateDigitalTargetsRequest
        {
            DigitalTargets = new Proto.DigitalTargets
            {
                Name = "digitalTargets/" + year,
                ParksCertified = 4,
                EnterprisesTransformed = 10,
                WorkshopsFactoriesLeaders = 2,
                CityTargets = { new Proto.DigitalCityTarget { CityCode = "340100", ParksCertified = 2 }, new Proto.DigitalCityTarget { CityCode = "340300", EnterprisesTransformed = 1 } },
            },
            AllowMissing = true,
        }, Deadline);
        var hefei = await Client.CertifiedAsync(NewPark(countyCode: "340104"), year);
        var wuhu = await Client.CertifiedAsync(NewPark(countyCode: "340207"), year);
        var revoked = await Client.CertifiedAsync(NewPark(countyCode: "340104"), year);
        await Client.RevokeParkAsync(new Proto.RevokeParkRequest { Name = revoked.Name, Reason = "复核不合格" }, Deadline);
        await Client.CertifiedAsync(NewPark(countyCode: "340104"), year - 1); // certified before: counts in the total only

        var both = NewUscc(); // in a Hefei and a Wuhu park: one enterprise province-wide
        await Client.RecordAsync(hefei, both, Proto.TransformationLevel.DigitallyTransformed, year);
        await Client.RecordAsync(wuhu, both, Proto.TransformationLevel.DigitalWorkshop, year);
        var raised = await Client.RecordAsync(hefei, NewUscc(), Proto.TransformationLevel.DigitalWorkshop, year);
        await Client.RecordAsync(hefei, raised.EnterpriseUscc, Proto.TransformationLevel.DigitalLeader, year); // two milestones in the year
        await Client.RecordAsync(hefei, NewUscc(), Proto.TransformationLevel.SmartFactory, year - 1); // another year

        var progress = await Client.GetDigitalProgressAsync(new Proto.GetDigitalProgressRequest { Year = year }, Deadline);

        Assert.Equal((3, 4, 75.0), (progress.ParksCertified.Actual, progress.ParksCertified.Target, progress.ParksCertified.CompletionPercent));
        Assert.Equal((2, 10), (progress.EnterprisesTransformed.Actual, progress.EnterprisesTransformed.Target));
        Assert.Equal((3, 2, 150.0), (progress.WorkshopsFactoriesLeaders.Actual, progress.WorkshopsFactoriesLeaders.Target, progress.WorkshopsFactoriesLeaders.CompletionPercent));
        Assert.Equal((2, 0, 1), (progress.DigitalWorkshops, progress.SmartFactories, progress.DigitalLeaders));
        Assert.Equal(3, progress.CertifiedParksTotal);
        Assert.Equal(["340100", "340200", "340300"], progress.Cities.Select(c => c.CityCode));
        var hefeiRow = progress.Cities[0];
        Assert.Equal((2, 2, 100.0), (hefeiRow.ParksCertified.Actual, hefeiRow.ParksCertified.Target, hefeiRow.ParksCertified.CompletionPercent));
        Assert.Equal((2, 2), (hefeiRow.EnterprisesTransformed.Actual, hefeiRow.WorkshopsFactoriesLeaders.Actual));
        Assert.Equal((1, 1, 1), (progress.Cities[1].ParksCertified.Actual, progress.Cities[1].EnterprisesTransformed.Actual, progress.Cities[1].WorkshopsFactoriesLeaders.Actual));
        Assert.Equal((0, 1, false), (progress.Cities[2].EnterprisesTransformed.Actual, progress.Cities[2].EnterprisesTransformed.Target, progress.Cities[2].ParksCertified.HasTarget));
    }

    [Fact]
    public async Task GetDigitalProgress_YearWithoutTargets_HasActualsOnly()
    {
        var progress = await Client.GetDigitalProgressAsync(new Proto.GetDigitalProgressRequest { Year = 2012 }, Deadline);

        Assert.Equal((0, false, false), (progress.ParksCertified.Actual, progress.ParksCertified.HasTarget, progress.ParksCertified.HasCompletionPercent));
        Assert.Empty(progress.Cities);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1999)]
    [InlineData(2999)]
    public async Task GetDigitalProgress_YearOutOfRange_IsInvalidArgument(int year)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetDigitalProgressAsync(new Proto.GetDigitalProgressRequest { Year = year }, Deadline).ResponseAsync);

        Assert.Equal(("year", StatusCode.InvalidArgument), (Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field, error.StatusCode));
    }

    [Fact]
    public async Task DigitalTargets_SeededUpsertedUpdatedAndListed()
    {
        var seeded = await Client.GetDigitalTargetsAsync(new Proto.GetDigitalTargetsRequest { Name = "digitalTargets/2024" }, Deadline);
        Assert.Equal((20, 6000, 200), (seeded.ParksCertified, seeded.EnterprisesTransformed, seeded.WorkshopsFactoriesLeaders));

        var created = await Client.UpdateDigitalTargetsAsync(new Proto.UpdateDigitalTargetsRequest
        {
            DigitalTargets = new Proto.DigitalTargets { Name = "digitalTargets/2013", ParksCertified = 5 },
            AllowMissing = true,
        }, Deadline);
        var updated = await Client.UpdateDigitalTargetsAsync(new Proto.UpdateDigitalTargetsRequest
        {
            DigitalTargets = new Proto.DigitalTargets { Name = "digitalTargets/2013", EnterprisesTransformed = 50, Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "enterprises_transformed", "parks_certified" } },
        }, Deadline);

        Assert.Equal((5, "W/\"1\""), (created.ParksCertified, created.Etag));
        Assert.Equal((false, 50, "W/\"2\""), (updated.HasParksCertified, updated.EnterprisesTransformed, updated.Etag)); // in the mask and absent: cleared
        Assert.Equal(updated, await Client.GetDigitalTargetsAsync(new Proto.GetDigitalTargetsRequest { Name = "digitalTargets/2013" }, Deadline));
        Assert.Equal(2, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = 'digitalTargets/2013' AND event_type = 'industry.parks.v1.DigitalTargetsUpdated'"));

        var first = await Client.ListDigitalTargetsAsync(new Proto.ListDigitalTargetsRequest { PageSize = 1 }, Deadline);
        var rest = await Client.ListDigitalTargetsAsync(new Proto.ListDigitalTargetsRequest { PageSize = 1000, PageToken = first.NextPageToken }, Deadline);
        var years = first.DigitalTargets.Concat(rest.DigitalTargets).Select(t => t.Year).ToList();
        Assert.Equal(years.OrderDescending(), years);
        Assert.Contains(2013, years);
        Assert.Contains(2024, years);
    }

    [Fact]
    public async Task UpdateDigitalTargets_Missing_IsNotFoundWithoutAllowMissing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateDigitalTargetsAsync(new Proto.UpdateDigitalTargetsRequest
        {
            DigitalTargets = new Proto.DigitalTargets { Name = "digitalTargets/2014", ParksCertified = 5 },
        }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM digital_targets WHERE year = 2014"));
    }

    [Fact]
    public async Task UpdateDigitalTargets_InvalidValues_AreInvalidArgumentAndStoreNothing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateDigitalTargetsAsync(new Proto.UpdateDigitalTargetsRequest
        {
            DigitalTargets = new Proto.DigitalTargets
            {
                Name = "digitalTargets/2015",
                ParksCertified = -1,
                CityTargets = { new Proto.DigitalCityTarget { CityCode = "340104" }, new Proto.DigitalCityTarget { CityCode = "340100", WorkshopsFactoriesLeaders = -2 } },
            },
            AllowMissing = true,
        }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            ["digital_targets.city_targets[0].city_code", "digital_targets.city_targets[1].workshops_factories_leaders", "digital_targets.parks_certified"],
            error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM digital_targets WHERE year = 2015"));
    }

    [Fact]
    public async Task UpdateDigitalTargets_StaleEtag_IsAborted()
    {
        var created = await Client.UpdateDigitalTargetsAsync(new Proto.UpdateDigitalTargetsRequest
        {
            DigitalTargets = new Proto.DigitalTargets { Name = "digitalTargets/2016", ParksCertified = 5 },
            AllowMissing = true,
        }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateDigitalTargetsAsync(new Proto.UpdateDigitalTargetsRequest
        {
            DigitalTargets = new Proto.DigitalTargets { Name = "digitalTargets/2016", ParksCertified = 6, Etag = "W/\"9\"" },
        }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(created, await Client.GetDigitalTargetsAsync(new Proto.GetDigitalTargetsRequest { Name = "digitalTargets/2016" }, Deadline));
    }
}
