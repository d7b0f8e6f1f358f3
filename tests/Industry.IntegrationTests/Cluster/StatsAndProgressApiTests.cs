using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using static Industry.IntegrationTests.Cluster.EnterpriseTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>
/// GetClusterStats, GetClusterProgress and the targets (ListClusterTargets, UpdateClusterTargets) over gRPC on
/// PostgreSQL. Progress counts the whole database, so each progress test works in a year no other test of this class
/// (the only one on this service process) uses.
/// </summary>
public sealed class StatsAndProgressApiTests(ClusterServiceFixture service) : IClassFixture<ClusterServiceFixture>
{
    private Proto.ClusterService.ClusterServiceClient Client => new(service.Channel);

    [Fact]
    public async Task GetClusterStats_MembersQualificationsAndRevenue_AreCountedPerTypeIncludingZeros()
    {
        var cluster = await Client.CreateAsync(NewCluster());
        var giant = await Client.GrantAsync(await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.SpecializedSme, 2021), Proto.QualificationType.LittleGiant, 2022);
        var small = NewEnterprise();
        small.AboveSize = false;
        small.AboveSizeYear = 0;
        var innovative = await Client.GrantAsync(await Client.CreateEnterpriseAsync(small), Proto.QualificationType.InnovativeSme, 2023);
        await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.InnovativeSme, 2023); // not a member
        await Client.AddMemberAsync(cluster, giant);
        await Client.AddMemberAsync(cluster, innovative);
        foreach (var (period, revenue) in new[] { ("2023-06", 1_000_000_000L), ("2024-06", 1_250_000_000L), ("2024-03", 600_000_000L) })
        {
            await Client.ReportClusterRevenueAsync(new Proto.ReportClusterRevenueRequest { Parent = cluster.Name, Period = period, YearToDateRevenueYuan = revenue }, Deadline);
        }

        var stats = await Client.GetClusterStatsAsync(new Proto.GetClusterStatsRequest { Name = cluster.Name + "/stats" }, Deadline);

        Assert.Equal((cluster.Name + "/stats", 2, 1), (stats.Name, stats.MemberCount, stats.AboveSizeMemberCount));
        Assert.Equal(
            [(Proto.QualificationType.InnovativeSme, 1), (Proto.QualificationType.SpecializedSme, 1), (Proto.QualificationType.LittleGiant, 1), (Proto.QualificationType.SingleChampion, 0), (Proto.QualificationType.ChainLeader, 0),
             (Proto.QualificationType.GreenFactory, 0), (Proto.QualificationType.TechnologyCenter, 0)],
            stats.MembersByQualification.Select(q => (q.Type, q.Count)));
        Assert.Equal(("2024-06", 25.0), (stats.LatestRevenueReport.Period, stats.LatestRevenueReport.YearOverYearGrowthPercent));
        Assert.Equal((0, 0L), (stats.RenovationProjectCount, stats.RenovationTotalInvestmentYuan));
    }

    [Fact]
    public async Task GetClusterStats_NewCluster_IsAllZerosWithoutRevenue()
    {
        var cluster = await Client.CreateAsync(NewCluster());

        var stats = await Client.GetClusterStatsAsync(new Proto.GetClusterStatsRequest { Name = cluster.Name + "/stats" }, Deadline);

        Assert.Equal(0, stats.MemberCount);
        Assert.Null(stats.LatestRevenueReport);
        Assert.Equal(7, stats.MembersByQualification.Count);
    }

    [Theory]
    [InlineData("clusters/no-such-cluster/stats", StatusCode.NotFound)]
    [InlineData("clusters/x", StatusCode.InvalidArgument)]
    [InlineData("clusters/x/members", StatusCode.InvalidArgument)]
    public async Task GetClusterStats_MissingOrMalformed_IsNotFoundOrInvalidArgument(string name, StatusCode code)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetClusterStatsAsync(new Proto.GetClusterStatsRequest { Name = name }, Deadline).ResponseAsync);

        Assert.Equal(code, error.StatusCode);
    }

    [Fact]
    public async Task GetClusterProgress_Year_CountsRecognitionsQualificationsAndAboveSizeAgainstTargets()
    {
        const int Year = 2005;
        var sme = NewCluster();
        sme.Kind = Proto.ClusterKind.SmeCharacteristic;
        await Client.RecognizeAsync(await Client.CreateAsync(sme), Proto.ClusterLevel.Provincial, Year);
        var upgraded = await Client.RecognizeAsync(await Client.CreateAsync(sme), Proto.ClusterLevel.Provincial, Year - 1);
        await Client.RecognizeAsync(upgraded, Proto.ClusterLevel.National, Year);
        var advanced = await Client.RecognizeAsync(await Client.CreateAsync(NewCluster()), Proto.ClusterLevel.Provincial, Year);
        await Client.RecognizeAsync(advanced, Proto.ClusterLevel.National, Year); // the same cluster twice in the year: counted once
        for (var i = 0; i < 3; i++)
        {
            var enterprise = NewEnterprise();
            (enterprise.AboveSize, enterprise.AboveSizeYear) = (i < 2, i == 2 ? Year - 3 : Year);
            await Client.GrantAsync(await Client.CreateEnterpriseAsync(enterprise), Proto.QualificationType.SpecializedSme, i == 0 ? Year - 1 : Year);
        }

        await Client.UpdateClusterTargetsAsync(new Proto.UpdateClusterTargetsRequest
        {
            ClusterTargets = new Proto.ClusterTargets { Name = $"clusterTargets/{Year}", ProvincialSmeClusters = 4, SpecializedSmes = 4, NewAboveSizeEnterprises = 0 },
            AllowMissing = true,
        }, Deadline);

        var progress = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Year }, Deadline);

        Assert.Equal((1, false), (progress.AdvancedManufacturingClusters.Actual, progress.AdvancedManufacturingClusters.HasTarget));
        Assert.Equal((1, 4, 25.0), (progress.ProvincialSmeClusters.Actual, progress.ProvincialSmeClusters.Target, progress.ProvincialSmeClusters.CompletionPercent));
        Assert.Equal(1, progress.NationalSmeClusters.Actual);
        Assert.Equal((2, 50.0), (progress.SpecializedSmes.Actual, progress.SpecializedSmes.CompletionPercent));
        Assert.Equal((2, 0, false), (progress.NewAboveSizeEnterprises.Actual, progress.NewAboveSizeEnterprises.Target, progress.NewAboveSizeEnterprises.HasCompletionPercent));
        Assert.Equal(
            [(Proto.ClusterKind.AdvancedManufacturing, Proto.ClusterLevel.Provincial, 1), (Proto.ClusterKind.AdvancedManufacturing, Proto.ClusterLevel.National, 1),
             (Proto.ClusterKind.SmeCharacteristic, Proto.ClusterLevel.Provincial, 1), (Proto.ClusterKind.SmeCharacteristic, Proto.ClusterLevel.National, 1)],
            progress.Recognitions.Select(r => (r.Kind, r.Level, r.Count)));
        Assert.Equal([0, 2, 0, 0, 0, 0, 0], progress.NewQualifications.Select(q => q.Count));
        Assert.True(progress.AboveSizeEnterprisesTotal >= 2); // the two above size since the year (earlier tests' enterprises may add)
    }

    [Fact]
    public async Task GetClusterProgress_RevokeOfAPastYearsGrant_LeavesThatYearAsItWasButAGrantRevokedInItsOwnYearDrops()
    {
        const int Year = 2009;
        var currentYear = DateTime.UtcNow.Year;
        var past = await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.GreenFactory, Year);
        var before = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Year }, Deadline);
        var currentBefore = await CountAsync(currentYear, Proto.QualificationType.GreenFactory);
        var current = await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.GreenFactory, currentYear);
        Assert.Equal(currentBefore + 1, await CountAsync(currentYear, Proto.QualificationType.GreenFactory));

        await RevokeAsync(past, Proto.QualificationType.GreenFactory);
        await RevokeAsync(current, Proto.QualificationType.GreenFactory);

        var after = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Year }, Deadline);
        Assert.Equal(before, after);
        Assert.Equal(1, after.NewQualifications.Single(q => q.Type == Proto.QualificationType.GreenFactory).Count);
        Assert.Equal(currentBefore, await CountAsync(currentYear, Proto.QualificationType.GreenFactory));
    }

    [Fact]
    public async Task GetClusterProgress_FailedReviewOfAPastYearsGrant_LeavesThatYearAsItWas()
    {
        const int Year = 2011;
        var enterprise = await Client.GrantAsync(await Client.CreateEnterpriseAsync(), Proto.QualificationType.SpecializedSme, Year);
        var before = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Year }, Deadline);

        await Client.ReviewQualificationAsync(
            new Proto.ReviewQualificationRequest { Name = enterprise.Name, Type = Proto.QualificationType.SpecializedSme, Outcome = Proto.QualificationReviewOutcome.Failed }, Deadline);

        Assert.Equal(before, await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Year }, Deadline));
        Assert.Equal(1, before.SpecializedSmes.Actual);
    }

    [Fact]
    public async Task GetClusterProgress_ExitLaterThanAPastYear_LeavesThatYearsTotalAndCountsTheExitInItsOwnYear()
    {
        const int Entered = 2012;
        var empty = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Entered }, Deadline);
        var enterprise = NewEnterprise();
        (enterprise.AboveSize, enterprise.AboveSizeYear) = (true, Entered);
        enterprise = await Client.CreateEnterpriseAsync(enterprise);
        var before = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Entered }, Deadline);
        Assert.Equal((empty.AboveSizeEnterprisesTotal + 1, empty.NetNewAboveSizeEnterprises + 1), (before.AboveSizeEnterprisesTotal, before.NetNewAboveSizeEnterprises));
        var currentYear = DateTime.UtcNow.Year;
        var currentBefore = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = currentYear }, Deadline);

        // Leaves without a year given: the current year.
        var left = await Client.UpdateEnterpriseAsync(
            new Proto.UpdateEnterpriseRequest { Enterprise = new Proto.Enterprise { Name = enterprise.Name, AboveSize = false }, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "above_size" } } },
            Deadline);

        Assert.Equal(currentYear, left.AboveSizeExitYear);
        Assert.Equal(before, await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Entered }, Deadline));
        var currentAfter = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = currentYear }, Deadline);
        Assert.Equal(currentBefore.ExitedAboveSizeEnterprises + 1, currentAfter.ExitedAboveSizeEnterprises);
        Assert.Equal(currentBefore.NetNewAboveSizeEnterprises - 1, currentAfter.NetNewAboveSizeEnterprises);
        Assert.Equal(currentBefore.AboveSizeEnterprisesTotal - 1, currentAfter.AboveSizeEnterprisesTotal);
    }

    [Fact]
    public async Task GetClusterProgress_ExitYear_CountsTheExitsNetChangeAndTotalsPerYearCityAndIndustry()
    {
        const int Year = 2014;
        var before = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Year }, Deadline);
        var nextBefore = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Year + 1 }, Deadline);
        foreach (var (aboveSize, entered, exited) in new[] { (true, Year, 0), (true, Year, 0), (false, Year - 2, Year), (false, Year, Year + 1) })
        {
            var enterprise = NewEnterprise();
            (enterprise.AboveSize, enterprise.AboveSizeYear, enterprise.AboveSizeExitYear, enterprise.Industry) = (aboveSize, entered, exited, "industries/AUTO");
            await Client.CreateEnterpriseAsync(enterprise);
        }

        var progress = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Year }, Deadline);
        var next = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Year + 1 }, Deadline);

        // Entered in the year: three (the third left the next year); left in the year: the one from two years before.
        Assert.Equal((3, 1, 2, 3), Delta(before, progress));
        Assert.Equal((0, 1, -1, 2), Delta(nextBefore, next));
        var hefei = progress.Cities.Single(c => c.CityCode == "340100");
        var hefeiBefore = before.Cities.SingleOrDefault(c => c.CityCode == "340100") ?? new Proto.CityClusterProgress();
        Assert.Equal((1, 2), (hefei.ExitedAboveSizeEnterprises - hefeiBefore.ExitedAboveSizeEnterprises, hefei.NetNewAboveSizeEnterprises - hefeiBefore.NetNewAboveSizeEnterprises));
        var auto = progress.Industries.Single(i => i.Industry == "industries/AUTO");
        var autoBefore = before.Industries.SingleOrDefault(i => i.Industry == "industries/AUTO") ?? new Proto.IndustryClusterProgress();
        Assert.Equal((1, 2), (auto.ExitedAboveSizeEnterprises - autoBefore.ExitedAboveSizeEnterprises, auto.NetNewAboveSizeEnterprises - autoBefore.NetNewAboveSizeEnterprises));
    }

    private static (int New, int Exited, int Net, int Total) Delta(Proto.ClusterProgress before, Proto.ClusterProgress after) => (
        after.NewAboveSizeEnterprises.Actual - before.NewAboveSizeEnterprises.Actual,
        after.ExitedAboveSizeEnterprises - before.ExitedAboveSizeEnterprises,
        after.NetNewAboveSizeEnterprises - before.NetNewAboveSizeEnterprises,
        after.AboveSizeEnterprisesTotal - before.AboveSizeEnterprisesTotal);

    [Fact]
    public async Task GetClusterProgress_ClusterRevenueTarget_IsAnsweredAgainstTheLatestReportOfTheYear()
    {
        const int Year = 2016;
        var valley = await Client.CreateAsync(NewCluster());
        var silent = await Client.CreateAsync(NewCluster());
        foreach (var (period, revenue) in new[] { ($"{Year}-06", 100_000_000_000L), ($"{Year}-11", 280_000_000_000L), ($"{Year + 1}-01", 30_000_000_000L) })
        {
            await Client.ReportClusterRevenueAsync(new Proto.ReportClusterRevenueRequest { Parent = valley.Name, Period = period, YearToDateRevenueYuan = revenue }, Deadline);
        }

        var targets = await Client.UpdateClusterTargetsAsync(new Proto.UpdateClusterTargetsRequest
        {
            ClusterTargets = new Proto.ClusterTargets
            {
                Name = $"clusterTargets/{Year}",
                ClusterRevenueTargets =
                {
                    new Proto.ClusterRevenueTarget { Cluster = valley.Name, RevenueYuan = 350_000_000_000 },
                    new Proto.ClusterRevenueTarget { Cluster = silent.Name, RevenueYuan = 1_000_000_000 },
                },
            },
            AllowMissing = true,
        }, Deadline);
        var progress = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Year }, Deadline);

        Assert.Equal(2, targets.ClusterRevenueTargets.Count);
        Assert.Equal(targets, await Client.GetClusterTargetsAsync(new Proto.GetClusterTargetsRequest { Name = targets.Name }, Deadline));
        var rows = progress.ClusterRevenues.ToDictionary(r => r.Cluster);
        Assert.Equal(2, rows.Count);
        Assert.Equal(($"{Year}-11", 280_000_000_000L, 350_000_000_000L, 80.0), (rows[valley.Name].Period, rows[valley.Name].RevenueYuan, rows[valley.Name].TargetRevenueYuan, rows[valley.Name].CompletionPercent));
        Assert.Equal((string.Empty, 0L, 0.0), (rows[silent.Name].Period, rows[silent.Name].RevenueYuan, rows[silent.Name].CompletionPercent));
    }

    [Fact]
    public async Task UpdateClusterTargets_RevenueTargetOfAMissingCluster_IsFailedPreconditionAndStoresNothing()
    {
        const int Year = 2017;

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateClusterTargetsAsync(new Proto.UpdateClusterTargetsRequest
        {
            ClusterTargets = new Proto.ClusterTargets { Name = $"clusterTargets/{Year}", ClusterRevenueTargets = { new Proto.ClusterRevenueTarget { Cluster = "clusters/no-such-cluster", RevenueYuan = 1 } } },
            AllowMissing = true,
        }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("cluster_targets.cluster_revenue_targets[0].cluster", Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations).Subject);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM cluster_targets WHERE year = @p0", Year));
    }

    [Fact]
    public async Task CreateEnterprise_ExitYearWhileAboveSize_IsInvalidArgumentAndStoresNothing()
    {
        var enterprise = NewEnterprise();
        enterprise.AboveSizeExitYear = 2023;

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateEnterpriseAsync(enterprise));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("enterprise.above_size_exit_year", Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM enterprises WHERE uscc = @p0", enterprise.Uscc));
    }

    private async Task<int> CountAsync(int year, Proto.QualificationType type) =>
        (await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = year }, Deadline)).NewQualifications.Single(q => q.Type == type).Count;

    private Task<Proto.Enterprise> RevokeAsync(Proto.Enterprise enterprise, Proto.QualificationType type) =>
        Client.RevokeQualificationAsync(new Proto.RevokeQualificationRequest { Name = enterprise.Name, Type = type, Reason = "复核不合格" }, Deadline).ResponseAsync;

    [Fact]
    public async Task GetClusterProgress_AboveSizeTotal_CountsThoseStillAboveSizeAtTheYearsEnd()
    {
        const int Year = 2006;
        var before = (await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Year }, Deadline)).AboveSizeEnterprisesTotal;
        foreach (var (aboveSize, year) in new[] { (true, Year), (true, Year + 1), (false, Year - 1) })
        {
            var enterprise = NewEnterprise();
            (enterprise.AboveSize, enterprise.AboveSizeYear) = (aboveSize, year);
            await Client.CreateEnterpriseAsync(enterprise);
        }

        var after = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Year }, Deadline);

        Assert.Equal(before + 1, after.AboveSizeEnterprisesTotal);
        Assert.Equal(1, after.NewAboveSizeEnterprises.Actual);
    }

    [Fact]
    public async Task GetClusterProgress_CitiesAndIndustries_CountEachRecordInItsCityAndIndustryAgainstTheCitysTargets()
    {
        const int Year = 2008;
        var hefeiSme = NewCluster(); // led from a Hefei county, AUTO
        hefeiSme.Kind = Proto.ClusterKind.SmeCharacteristic;
        await Client.RecognizeAsync(await Client.CreateAsync(hefeiSme), Proto.ClusterLevel.Provincial, Year);
        var wuhuAdvanced = NewCluster(hostPark: "");
        (wuhuAdvanced.HostParkDisplayName, wuhuAdvanced.LeadDivisionCode, wuhuAdvanced.Industry) = (string.Empty, "340200", "industries/IT");
        await Client.RecognizeAsync(await Client.CreateAsync(wuhuAdvanced), Proto.ClusterLevel.Provincial, Year);
        var hefeiFirm = NewEnterprise();
        (hefeiFirm.Industry, hefeiFirm.AboveSizeYear) = ("industries/AUTO", Year);
        await Client.GrantAsync(await Client.CreateEnterpriseAsync(hefeiFirm), Proto.QualificationType.InnovativeSme, Year);
        var wuhuFirm = NewEnterprise(county: "340202");
        wuhuFirm.Industry = "industries/IT";
        await Client.GrantAsync(await Client.GrantAsync(await Client.CreateEnterpriseAsync(wuhuFirm), Proto.QualificationType.InnovativeSme, Year), Proto.QualificationType.ChainLeader, Year);
        await Client.UpdateClusterTargetsAsync(new Proto.UpdateClusterTargetsRequest
        {
            ClusterTargets = new Proto.ClusterTargets
            {
                Name = $"clusterTargets/{Year}",
                InnovativeSmes = 4,
                CityTargets = { new Proto.ClusterCityTarget { CityCode = "340300", InnovativeSmes = 4 }, new Proto.ClusterCityTarget { CityCode = "340100", InnovativeSmes = 1, NewAboveSizeEnterprises = 0 } },
            },
            AllowMissing = true,
        }, Deadline);

        var progress = await Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = Year }, Deadline);

        Assert.Equal(["340100", "340200", "340300"], progress.Cities.Select(c => c.CityCode));
        var (hefei, wuhu, bengbu) = (progress.Cities[0], progress.Cities[1], progress.Cities[2]);
        Assert.Equal((1, 0, 1, 1), (hefei.ProvincialSmeClusters.Actual, hefei.AdvancedManufacturingClusters.Actual, hefei.InnovativeSmes.Actual, hefei.NewAboveSizeEnterprises.Actual));
        Assert.Equal((1, 100.0, 0, false), (hefei.InnovativeSmes.Target, hefei.InnovativeSmes.CompletionPercent, hefei.NewAboveSizeEnterprises.Target, hefei.NewAboveSizeEnterprises.HasCompletionPercent));
        Assert.Equal((0, 1, 1, false), (wuhu.ProvincialSmeClusters.Actual, wuhu.AdvancedManufacturingClusters.Actual, wuhu.InnovativeSmes.Actual, wuhu.InnovativeSmes.HasTarget));
        Assert.Equal((0, 4, 0.0), (bengbu.InnovativeSmes.Actual, bengbu.InnovativeSmes.Target, bengbu.InnovativeSmes.CompletionPercent));
        Assert.Equal((2, 4), (progress.InnovativeSmes.Actual, progress.InnovativeSmes.Target));
        Assert.Equal(progress.AboveSizeEnterprisesTotal, progress.Cities.Sum(c => c.AboveSizeEnterprisesTotal)); // every test enterprise is in a city

        Assert.Equal(["industries/AUTO", "industries/IT"], progress.Industries.Select(i => i.Industry));
        Assert.Equal((1, 0, 1, 1), (progress.Industries[0].ProvincialSmeClusters, progress.Industries[0].AdvancedManufacturingClusters, progress.Industries[0].InnovativeSmes, progress.Industries[0].NewAboveSizeEnterprises));
        Assert.Equal((0, 1, 1, 0), (progress.Industries[1].ProvincialSmeClusters, progress.Industries[1].AdvancedManufacturingClusters, progress.Industries[1].InnovativeSmes, progress.Industries[1].NewAboveSizeEnterprises));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1999)]
    [InlineData(2101)]
    public async Task GetClusterProgress_YearOutOfRange_IsInvalidArgument(int year)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetClusterProgressAsync(new Proto.GetClusterProgressRequest { Year = year }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task UpdateClusterTargets_MaskedAbsentTarget_ClearsItAndEmitsUpdated()
    {
        var name = "clusterTargets/2031";
        var created = await Client.UpdateClusterTargetsAsync(new Proto.UpdateClusterTargetsRequest
        {
            ClusterTargets = new Proto.ClusterTargets { Name = name, InnovativeSmes = 3000, LittleGiants = 20 },
            AllowMissing = true,
        }, Deadline);

        var updated = await Client.UpdateClusterTargetsAsync(new Proto.UpdateClusterTargetsRequest
        {
            ClusterTargets = new Proto.ClusterTargets { Name = name, SingleChampions = 5, Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "single_champions", "littleGiants" } },
        }, Deadline);

        Assert.Equal((3000, false, 5, "W/\"2\""), (updated.InnovativeSmes, updated.HasLittleGiants, updated.SingleChampions, updated.Etag));
        Assert.Equal(updated, await Client.GetClusterTargetsAsync(new Proto.GetClusterTargetsRequest { Name = name }, Deadline));
        Assert.Equal(2, await service.CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @p0 AND event_type = 'industry.clusters.v1.ClusterTargetsUpdated'", name));
    }

    [Fact]
    public async Task UpdateClusterTargets_MissingWithoutAllowMissingOrStaleOrNegative_FailsAndStoresNothing()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateClusterTargetsAsync(
            new Proto.UpdateClusterTargetsRequest { ClusterTargets = new Proto.ClusterTargets { Name = "clusterTargets/2032", InnovativeSmes = 1 } }, Deadline).ResponseAsync);
        var negative = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateClusterTargetsAsync(
            new Proto.UpdateClusterTargetsRequest { ClusterTargets = new Proto.ClusterTargets { Name = "clusterTargets/2032", InnovativeSmes = -1 }, AllowMissing = true }, Deadline).ResponseAsync);
        var badName = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateClusterTargetsAsync(
            new Proto.UpdateClusterTargetsRequest { ClusterTargets = new Proto.ClusterTargets { Name = "clusterTargets/1900", InnovativeSmes = 1 }, AllowMissing = true }, Deadline).ResponseAsync);
        var stale = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateClusterTargetsAsync(
            new Proto.UpdateClusterTargetsRequest { ClusterTargets = new Proto.ClusterTargets { Name = "clusterTargets/2024", InnovativeSmes = 1, Etag = "W/\"99\"" } }, Deadline).ResponseAsync);

        Assert.Equal(
            (StatusCode.NotFound, StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.Aborted),
            (missing.StatusCode, negative.StatusCode, badName.StatusCode, stale.StatusCode));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM cluster_targets WHERE year IN (2032, 1900)"));
        Assert.Equal(3000, (await Client.GetClusterTargetsAsync(new Proto.GetClusterTargetsRequest { Name = "clusterTargets/2024" }, Deadline)).InnovativeSmes);
    }

    [Fact]
    public async Task UpdateClusterTargets_CityTargets_AreReplacedAsAWholeAndRefusedWhenNotCitiesOfAnhui()
    {
        var name = "clusterTargets/2033";
        var created = await Client.UpdateClusterTargetsAsync(new Proto.UpdateClusterTargetsRequest
        {
            ClusterTargets = new Proto.ClusterTargets
            {
                Name = name,
                LittleGiants = 10,
                CityTargets = { new Proto.ClusterCityTarget { CityCode = "340200", LittleGiants = 8 }, new Proto.ClusterCityTarget { CityCode = "340100", LittleGiants = 9 } },
            },
            AllowMissing = true,
        }, Deadline);
        var replaced = await Client.UpdateClusterTargetsAsync(new Proto.UpdateClusterTargetsRequest
        {
            ClusterTargets = new Proto.ClusterTargets { Name = name, CityTargets = { new Proto.ClusterCityTarget { CityCode = "341800", SingleChampions = 1 } } },
            UpdateMask = new FieldMask { Paths = { "city_targets" } },
        }, Deadline);
        var invalid = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateClusterTargetsAsync(new Proto.UpdateClusterTargetsRequest
        {
            ClusterTargets = new Proto.ClusterTargets
            {
                Name = name,
                CityTargets = { new Proto.ClusterCityTarget { CityCode = "340104" }, new Proto.ClusterCityTarget { CityCode = "341800", InnovativeSmes = -5 }, new Proto.ClusterCityTarget { CityCode = "341800" } },
            },
        }, Deadline).ResponseAsync);

        Assert.Equal([("340100", 9), ("340200", 8)], created.CityTargets.Select(c => (c.CityCode, c.LittleGiants))); // their sum above the province's 10 is allowed (ADR 0035)
        Assert.Equal((10, "341800", false, 1), (replaced.LittleGiants, replaced.CityTargets.Single().CityCode, replaced.CityTargets.Single().HasLittleGiants, replaced.CityTargets.Single().SingleChampions));
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal(
            ["cluster_targets.city_targets[0].city_code", "cluster_targets.city_targets[1].innovative_smes", "cluster_targets.city_targets[2].city_code"],
            invalid.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(replaced, await Client.GetClusterTargetsAsync(new Proto.GetClusterTargetsRequest { Name = name }, Deadline));
    }

    [Fact]
    public async Task ListClusterTargets_LatestFirst_PagesByYear()
    {
        foreach (var year in new[] { 2041, 2043, 2042 })
        {
            await Client.UpdateClusterTargetsAsync(new Proto.UpdateClusterTargetsRequest
            {
                ClusterTargets = new Proto.ClusterTargets { Name = $"clusterTargets/{year}", InnovativeSmes = year },
                AllowMissing = true,
            }, Deadline);
        }

        var years = new List<int>();
        var token = string.Empty;
        do
        {
            var page = await Client.ListClusterTargetsAsync(new Proto.ListClusterTargetsRequest { PageSize = 2, PageToken = token }, Deadline);
            years.AddRange(page.ClusterTargets.Select(t => t.Year));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(years.OrderDescending(), years);
        Assert.Equal([2043, 2042, 2041], years.Where(y => y > 2040));
        Assert.Contains(2024, years); // the seeded targets
    }
}
