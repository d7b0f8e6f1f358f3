using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Npgsql;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using static Industry.IntegrationTests.Cluster.EnterpriseTestData;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>
/// The yearly figures the enterprise writes keep for GetClusterProgress (ADR 0048) against their definition over the
/// stored enterprises and qualifications, after every kind of write the API offers and after concurrent writes of one
/// city and industry: the kept rows must equal what the definition counts, for every year, city, industry and type.
/// </summary>
public sealed class EnterpriseYearCountsTests(ClusterServiceFixture service) : IClassFixture<ClusterServiceFixture>
{
    /// <summary>Above size at the end of year @p0, counted from the enterprises (ADR 0041).</summary>
    private const string DefinedTotals = """
        SELECT city_code || ' ' || industry_code, COUNT(*) FROM enterprises
        WHERE above_size_year > 0 AND above_size_year <= @p0 AND (above_size_exit_year > @p0 OR (above_size_exit_year = 0 AND above_size))
        GROUP BY 1
        """;

    private const string KeptTotals = """
        SELECT city_code || ' ' || industry_code, SUM(net_change) FROM above_size_year_changes WHERE year <= @p0
        GROUP BY 1 HAVING SUM(net_change) <> 0
        """;

    /// <summary>The enterprises that entered above size in year @p0, and those that left it, counted from the enterprises.</summary>
    private const string DefinedEntriesAndExits = """
        SELECT city_code || ' ' || industry_code || ' entered', COUNT(*) FROM enterprises WHERE above_size_year = @p0 GROUP BY 1
        UNION ALL
        SELECT city_code || ' ' || industry_code || ' exited', COUNT(*) FROM enterprises WHERE above_size_exit_year = @p0 GROUP BY 1
        """;

    private const string KeptEntriesAndExits = """
        SELECT city_code || ' ' || industry_code || ' entered', entered FROM above_size_year_changes WHERE year = @p0 AND entered <> 0
        UNION ALL
        SELECT city_code || ' ' || industry_code || ' exited', exited FROM above_size_year_changes WHERE year = @p0 AND exited <> 0
        """;

    /// <summary>The grants of year @p0 not revoked within it, counted from the qualifications and their enterprises.</summary>
    private const string DefinedGrants = """
        SELECT e.city_code || ' ' || e.industry_code || ' ' || q.type, COUNT(*) FROM enterprise_qualifications AS q
        JOIN enterprises AS e ON e.uscc = q.uscc
        WHERE q.year = @p0 AND (q.revoke_year IS NULL OR q.revoke_year > @p0)
        GROUP BY 1
        """;

    private const string KeptGrants = """
        SELECT city_code || ' ' || industry_code || ' ' || type, granted FROM qualification_year_grants WHERE year = @p0 AND granted <> 0
        """;

    private static readonly int CurrentYear = DateTime.UtcNow.Year;

    private Proto.ClusterService.ClusterServiceClient Client => new(service.Channel);

    [Fact]
    public async Task AfterEveryKindOfEnterpriseWrite_TheKeptFiguresEqualTheirDefinition()
    {
        var stayer = await Client.CreateEnterpriseAsync(Enterprise(aboveSize: true, entered: 2016));
        var leaver = await Client.CreateEnterpriseAsync(Enterprise(aboveSize: true, entered: 2017));
        var mover = await Client.CreateEnterpriseAsync(Enterprise(aboveSize: true, entered: 2018));
        var exited = await Client.CreateEnterpriseAsync(Enterprise(aboveSize: false, entered: 2015, exitYear: 2019));
        var legacy = await Client.CreateEnterpriseAsync(Enterprise(aboveSize: false, entered: 0));
        var doomed = await Client.CreateEnterpriseAsync(Enterprise(aboveSize: true, entered: 2019));
        var batch = await Client.BatchCreateEnterprisesAsync(
            new Proto.BatchCreateEnterprisesRequest
            {
                Requests =
                {
                    new Proto.CreateEnterpriseRequest { Enterprise = Enterprise(aboveSize: true, entered: 2020, county: "340202") },
                    new Proto.CreateEnterpriseRequest { Enterprise = Enterprise(aboveSize: false, entered: 2018, exitYear: 2021, county: "340302") },
                },
            },
            Deadline);

        foreach (var (enterprise, type, year) in new[]
        {
            (stayer, Proto.QualificationType.InnovativeSme, 2020),
            (stayer, Proto.QualificationType.GreenFactory, CurrentYear),
            (mover, Proto.QualificationType.GreenFactory, 2021),
            (doomed, Proto.QualificationType.TechnologyCenter, 2022),
        })
        {
            await Client.GrantAsync(enterprise, type, year);
        }

        await Client.BatchGrantQualificationsAsync(
            new Proto.BatchGrantQualificationsRequest
            {
                Requests =
                {
                    batch.Enterprises.Select(e => new Proto.GrantQualificationRequest { Name = e.Name, Type = Proto.QualificationType.InnovativeSme, Year = 2022 }),
                },
            },
            Deadline);

        // A grant of a past year revoked (stays in its year), one of this year revoked (drops out of it).
        await RevokeAsync(stayer, Proto.QualificationType.InnovativeSme);
        await RevokeAsync(stayer, Proto.QualificationType.GreenFactory);

        // Leaves above size (exit year this year); moves to another city and industry, qualifications and all; a
        // non-counted field changes; one is deleted with its grants.
        await UpdateAsync(new Proto.Enterprise { Name = leaver.Name, AboveSize = false }, "above_size");
        await UpdateAsync(new Proto.Enterprise { Name = mover.Name, CountyCode = "340207", Industry = "industries/AUTO" }, "county_code", "industry");
        await UpdateAsync(new Proto.Enterprise { Name = exited.Name, AboveSizeExitYear = 2020 }, "above_size_exit_year");
        await UpdateAsync(new Proto.Enterprise { Name = legacy.Name, DisplayName = "改名后的企业" }, "display_name");
        await Client.DeleteEnterpriseAsync(new Proto.DeleteEnterpriseRequest { Name = doomed.Name }, Deadline);

        await AssertKeptFiguresAsync();
    }

    [Fact]
    public async Task ConcurrentWritesOfOneCityAndIndustry_LoseNoCount()
    {
        var enterprises = new List<Proto.Enterprise>();
        for (var i = 0; i < 12; i++)
        {
            enterprises.Add(await Client.CreateEnterpriseAsync(Enterprise(aboveSize: true, entered: 2015 + (i % 3), county: "340102")));
        }

        // Each enterprise is written by two callers at once (one may lose to the other's version: ABORTED), and every
        // enterprise of the city and industry at the same time as the others.
        var writes = enterprises.SelectMany(e => new Func<Task>[]
        {
            () => UpdateAsync(new Proto.Enterprise { Name = e.Name, AboveSize = false }, "above_size"),
            () => Client.GrantAsync(e, Proto.QualificationType.InnovativeSme, 2021),
        });
        var outcomes = await Task.WhenAll(writes.Select(async write =>
        {
            try
            {
                await write();
                return StatusCode.OK;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Aborted or StatusCode.Unavailable)
            {
                return e.StatusCode;
            }
        }));

        Assert.Contains(StatusCode.OK, outcomes);
        await AssertKeptFiguresAsync();
    }

    [Fact]
    public async Task ASaveWhoseFiguresTheDatabaseRefuses_ChangesNothing_AndARetryAppliesBoth()
    {
        var enterprise = await Client.CreateEnterpriseAsync(Enterprise(aboveSize: true, entered: 2017, county: "340104"));
        await Client.GrantAsync(enterprise, Proto.QualificationType.InnovativeSme, 2021);
        var stored = await Client.GetEnterpriseAsync(enterprise.Name);

        // The figures' put-back into the new city is refused after the enterprise row and the take-out were written.
        await ExecuteAsync("""
            CREATE FUNCTION refuse_moved_figures() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE TRIGGER refuse_moved_figures BEFORE INSERT ON qualification_year_grants FOR EACH ROW
                WHEN (NEW.city_code = '340300' AND NEW.granted > 0) EXECUTE FUNCTION refuse_moved_figures();
            """);
        try
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(new Proto.Enterprise { Name = enterprise.Name, CountyCode = "340302" }, "county_code"));
            Assert.NotEqual(StatusCode.OK, error.StatusCode);
            var after = await Client.GetEnterpriseAsync(enterprise.Name);
            Assert.Equal((stored.CountyCode, stored.Etag), (after.CountyCode, after.Etag));
            await AssertKeptFiguresAsync();
        }
        finally
        {
            await ExecuteAsync("DROP TRIGGER refuse_moved_figures ON qualification_year_grants; DROP FUNCTION refuse_moved_figures();");
        }

        var moved = await UpdateAsync(new Proto.Enterprise { Name = enterprise.Name, CountyCode = "340302" }, "county_code");
        Assert.Equal("340300", moved.CityCode);
        await AssertKeptFiguresAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(service.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task AssertKeptFiguresAsync()
    {
        for (var year = 2010; year <= CurrentYear + 1; year++)
        {
            Assert.Equal(await ReadAsync(DefinedTotals, year), await ReadAsync(KeptTotals, year));
            Assert.Equal(await ReadAsync(DefinedEntriesAndExits, year), await ReadAsync(KeptEntriesAndExits, year));
            Assert.Equal(await ReadAsync(DefinedGrants, year), await ReadAsync(KeptGrants, year));
        }
    }

    /// <summary>The rows of <paramref name="sql"/> for <paramref name="year"/>, each as "key=count", in key order.</summary>
    private async Task<List<string>> ReadAsync(string sql, int year)
    {
        await using var connection = new NpgsqlConnection(service.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("p0", year) } };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{year} {reader.GetString(0)}={Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    private static Proto.Enterprise Enterprise(bool aboveSize, int entered, int exitYear = 0, string county = "340104")
    {
        var enterprise = NewEnterprise(county: county);
        (enterprise.AboveSize, enterprise.AboveSizeYear, enterprise.AboveSizeExitYear) = (aboveSize, entered, exitYear);
        return enterprise;
    }

    private Task<Proto.Enterprise> UpdateAsync(Proto.Enterprise enterprise, params string[] paths) =>
        Client.UpdateEnterpriseAsync(new Proto.UpdateEnterpriseRequest { Enterprise = enterprise, UpdateMask = new FieldMask { Paths = { paths } } }, Deadline).ResponseAsync;

    private Task<Proto.Enterprise> RevokeAsync(Proto.Enterprise enterprise, Proto.QualificationType type) =>
        Client.RevokeQualificationAsync(new Proto.RevokeQualificationRequest { Name = enterprise.Name, Type = type, Reason = "复核不合格" }, Deadline).ResponseAsync;
}
