using Grpc.Core;
using Industry.Projects.V1;
using Npgsql;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// The per-city monthly totals behind GetPlanProgress (ADR 0014) stay equal to the stored reports summed per city, and
/// the per-project yearly rows behind GetInvestmentStats (ADR 0047) to the reports per project, whatever writes them: a
/// report added, replaced or deleted, a project moved to another city by UpdateProject or by an import row, and a
/// project deleted with its reports.
/// </summary>
public sealed class CityInvestmentTotalsApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private ProjectData Data => new(Client);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Fact]
    public async Task Totals_AfterEveryKindOfWrite_EqualTheReportsSummedPerCity()
    {
        // Hefei (340100) and Wuhu (340200), reporting in 2019 (two of them earlier too).
        var moved = await Data.ProjectAsync("340104", 500_000_000, new DateOnly(2018, 1, 10));
        var imported = await Data.ProjectAsync("340111", 300_000_000, new DateOnly(2019, 1, 10));
        var wuhu = await Data.ProjectAsync("340207", 200_000_000, new DateOnly(2017, 1, 10));
        var deleted = await Data.ProjectAsync("340104", 400_000_000, new DateOnly(2019, 1, 10));
        await Data.ReportAsync(moved, "2019-02", 40_000_000);
        var replaced = await Data.ReportAsync(moved, "2019-03", 10_000_000);
        var removed = await Data.ReportAsync(wuhu, "2019-02", 5_000_000);
        await Data.ReportAsync(wuhu, "2019-03", 6_000_000);
        await Data.ReportAsync(imported, "2019-02", 7_000_000);
        await Data.ReportAsync(deleted, "2019-02", 9_000_000);
        await Data.ReportAsync(moved, "2018-11", 0); // a month reported with nothing done still counts the project
        await Data.ReportAsync(wuhu, "2017-04", 1_000_000);
        Assert.Equal(await ReportsPerCityAsync(), await TotalsAsync());
        Assert.Equal(await ReportsPerProjectYearAsync(), await ProjectYearsAsync());

        await Client.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = moved.Name, Period = "2019-03", CompletedInvestmentYuan = 15_000_000, Etag = replaced.Etag }, Deadline);
        await Client.DeleteInvestmentReportAsync(new DeleteInvestmentReportRequest { Name = removed.Name, Etag = removed.Etag }, Deadline);
        moved = await Client.GetProjectAsync(new GetProjectRequest { Name = moved.Name }, Deadline);
        await Client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = new Project { Name = moved.Name, Etag = moved.Etag, CountyCode = "340207" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "county_code" } },
        }, Deadline);
        var row = (await Client.GetProjectAsync(new GetProjectRequest { Name = imported.Name }, Deadline)).Clone();
        row.CountyCode = "340202";
        using (var import = Client.ImportProjects(Deadline))
        {
            await import.RequestStream.WriteAsync(new ImportProjectsRequest { RowNumber = 2, Project = row });
            await import.RequestStream.CompleteAsync();
            Assert.Equal(1, (await import.ResponseAsync).UpdatedCount);
        }

        deleted = await Client.GetProjectAsync(new GetProjectRequest { Name = deleted.Name }, Deadline);
        await Client.DeleteProjectAsync(new DeleteProjectRequest { Name = deleted.Name, Etag = deleted.Etag, Force = true }, Deadline);

        var totals = await TotalsAsync();
        Assert.Equal(await ReportsPerCityAsync(), totals);
        var years = await ProjectYearsAsync();
        Assert.Equal(await ReportsPerProjectYearAsync(), years);
        Assert.DoesNotContain(years.Keys, k => k.StartsWith(deleted.Name["projects/".Length..] + "/", StringComparison.Ordinal));
        // February and March 2019 reported (bits 1 and 2), the latest earlier report November 2018, the months' amounts.
        Assert.Equal($"6;{(2018 * 12) + 11};0,40000000,15000000,0,0,0,0,0,0,0,0,0", years[$"{moved.Name["projects/".Length..]}/2019"]);
        Assert.Equal(40_000_000 + 7_000_000, totals[("340200", 2019, 2)]);                // moved + imported; the deleted report is gone
        Assert.Equal(15_000_000 + 6_000_000, totals[("340200", 2019, 3)]);                // the replacement, moved along
        Assert.DoesNotContain(("340100", 2019, 2), totals.Keys);                         // Hefei has nothing left in 2019
        var progress = await Client.GetPlanProgressAsync(new GetPlanProgressRequest { Year = 2019, ThroughMonth = 3 }, Deadline);
        Assert.Equal(68_000_000, progress.CompletedInvestmentYuan);
        Assert.Equal(68_000_000, progress.Cities.Single(c => c.CityCode == "340200").CompletedInvestmentYuan);
    }

    // A save whose database fails after the report is written (the recompute of the project's yearly rows refused by a
    // trigger) leaves nothing half-applied: the report, the project, the city totals and the yearly rows stay as they
    // were, and the same call once the database accepts it applies them all.
    [Fact]
    public async Task AReportWhoseYearRowsTheDatabaseRefuses_ChangesNothing_AndARetryAppliesBoth()
    {
        var project = await Data.ProjectAsync("340104", 100_000_000, new DateOnly(2021, 1, 10)); // a year the other test leaves alone
        await Data.ReportAsync(project, "2021-02", 1_000_000);
        var id = project.Name["projects/".Length..];
        var before = await StateOfAsync(id);

        await ExecuteAsync($"""
            CREATE FUNCTION refuse_year_rows() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE TRIGGER refuse_year_rows BEFORE INSERT ON project_year_investments FOR EACH ROW
                WHEN (NEW.project_id = '{id}') EXECUTE FUNCTION refuse_year_rows();
            """);
        try
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => Data.ReportAsync(project, "2021-03", 2_000_000));
            Assert.Equal(StatusCode.Internal, error.StatusCode);
            Assert.Equal(before, await StateOfAsync(id));
        }
        finally
        {
            await ExecuteAsync("DROP TRIGGER refuse_year_rows ON project_year_investments; DROP FUNCTION refuse_year_rows();");
        }

        await Data.ReportAsync(project, "2021-03", 2_000_000);

        var after = await StateOfAsync(id);
        Assert.Equal("2021-02=1000000;2021-03=2000000", after.Reports);
        Assert.Equal($"{id}/2021=6;0;0,1000000,2000000,0,0,0,0,0,0,0,0,0", after.YearRows);
        Assert.Equal(3_000_000, after.Cumulative);
        Assert.Equal(await ReportsPerProjectYearAsync(), await ProjectYearsAsync());
        Assert.Equal(await ReportsPerCityAsync(), await TotalsAsync());
    }

    /// <summary>One project's reports, yearly rows, cumulative investment and etag, and its city's totals, as stored now.</summary>
    private async Task<(string Reports, string YearRows, long Cumulative, string Etag, string CityTotals)> StateOfAsync(string id)
    {
        var reports = new List<string>();
        await foreach (var r in ReadAsync($"SELECT year, month, completed_investment_yuan FROM investment_reports WHERE project_id = '{id}' ORDER BY year, month"))
        {
            reports.Add($"{r.GetInt32(0)}-{r.GetInt32(1):D2}={r.GetInt64(2)}");
        }

        var years = (await ProjectYearsAsync()).Where(y => y.Key.StartsWith(id + "/", StringComparison.Ordinal)).OrderBy(y => y.Key, StringComparer.Ordinal);
        var project = await Client.GetProjectAsync(new GetProjectRequest { Name = $"projects/{id}" }, Deadline);
        var totals = (await TotalsAsync()).Where(t => t.Key.City == "340100").OrderBy(t => (t.Key.Year, t.Key.Month));
        return (string.Join(";", reports), string.Join(";", years.Select(y => $"{y.Key}={y.Value}")), project.CumulativeCompletedInvestmentYuan, project.Etag, string.Join(";", totals.Select(t => $"{t.Key.Year}-{t.Key.Month}={t.Value}")));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(service.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The kept totals, without months that came back to zero.</summary>
    private Task<Dictionary<(string City, int Year, int Month), long>> TotalsAsync() =>
        QueryAsync("SELECT city_code, year, month, completed_investment_yuan FROM city_month_investments WHERE completed_investment_yuan <> 0");

    /// <summary>The same figures computed from the approved reports and their projects as stored now.</summary>
    private Task<Dictionary<(string City, int Year, int Month), long>> ReportsPerCityAsync() =>
        QueryAsync("""
            SELECT p.city_code, r.year, r.month, CAST(SUM(r.completed_investment_yuan) AS bigint)
            FROM investment_reports r JOIN projects p ON p.id = r.project_id
            WHERE r.review_state = 2
            GROUP BY p.city_code, r.year, r.month HAVING SUM(r.completed_investment_yuan) <> 0
            """);

    /// <summary>The kept per-project yearly rows, each as "months reported;latest earlier report;amounts of January to December".</summary>
    private async Task<Dictionary<string, string>> ProjectYearsAsync()
    {
        var rows = new Dictionary<string, string>();
        await foreach (var r in ReadAsync("""
            SELECT project_id, year, reported_months, last_reported_before, month01, month02, month03, month04, month05,
                month06, month07, month08, month09, month10, month11, month12
            FROM project_year_investments
            """))
        {
            rows.Add($"{r.GetString(0)}/{r.GetInt32(1)}", $"{r.GetInt32(2)};{r.GetInt32(3)};{string.Join(",", Enumerable.Range(4, 12).Select(r.GetInt64))}");
        }

        return rows;
    }

    /// <summary>The same rows computed here from the approved reports as stored now.</summary>
    private async Task<Dictionary<string, string>> ReportsPerProjectYearAsync()
    {
        var reports = new List<(string Project, int Year, int Month, long Yuan)>();
        await foreach (var r in ReadAsync("SELECT project_id, year, month, completed_investment_yuan FROM investment_reports WHERE review_state = 2"))
        {
            reports.Add((r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt64(3)));
        }

        return reports.GroupBy(r => (r.Project, r.Year)).ToDictionary(
            g => $"{g.Key.Project}/{g.Key.Year}",
            g =>
            {
                var earlier = reports.Where(r => r.Project == g.Key.Project && r.Year < g.Key.Year).Select(r => (r.Year * 12) + r.Month).DefaultIfEmpty(0).Max();
                var months = g.Aggregate(0, (bits, r) => bits | (1 << (r.Month - 1)));
                return $"{months};{earlier};{string.Join(",", Enumerable.Range(1, 12).Select(m => g.Where(r => r.Month == m).Sum(r => r.Yuan)))}";
            });
    }

    private async IAsyncEnumerable<NpgsqlDataReader> ReadAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(service.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return reader;
        }
    }

    private async Task<Dictionary<(string City, int Year, int Month), long>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(service.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<(string, int, int), long>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)), reader.GetInt64(3));
        }

        return rows;
    }
}
