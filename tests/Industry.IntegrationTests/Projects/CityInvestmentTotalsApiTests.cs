using Grpc.Core;
using Industry.Projects.V1;
using Npgsql;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// The per-city monthly totals behind GetPlanProgress (ADR 0014) stay equal to the stored reports summed per city,
/// whatever writes them: a report added, replaced or deleted, a project moved to another city by UpdateProject or by an
/// import row, and a project deleted with its reports.
/// </summary>
public sealed class CityInvestmentTotalsApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private ProjectData Data => new(Client);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Fact]
    public async Task Totals_AfterEveryKindOfWrite_EqualTheReportsSummedPerCity()
    {
        // Hefei (340100) and Wuhu (340200), reporting in 2019.
        var moved = await Data.ProjectAsync("340104", 500_000_000, new DateOnly(2019, 1, 10));
        var imported = await Data.ProjectAsync("340111", 300_000_000, new DateOnly(2019, 1, 10));
        var wuhu = await Data.ProjectAsync("340207", 200_000_000, new DateOnly(2019, 1, 10));
        var deleted = await Data.ProjectAsync("340104", 400_000_000, new DateOnly(2019, 1, 10));
        await Data.ReportAsync(moved, "2019-02", 40_000_000);
        var replaced = await Data.ReportAsync(moved, "2019-03", 10_000_000);
        var removed = await Data.ReportAsync(wuhu, "2019-02", 5_000_000);
        await Data.ReportAsync(wuhu, "2019-03", 6_000_000);
        await Data.ReportAsync(imported, "2019-02", 7_000_000);
        await Data.ReportAsync(deleted, "2019-02", 9_000_000);
        Assert.Equal(await ReportsPerCityAsync(), await TotalsAsync());

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
        Assert.Equal(40_000_000 + 7_000_000, totals[("340200", 2019, 2)]);                // moved + imported; the deleted report is gone
        Assert.Equal(15_000_000 + 6_000_000, totals[("340200", 2019, 3)]);                // the replacement, moved along
        Assert.DoesNotContain(("340100", 2019, 2), totals.Keys);                         // Hefei has nothing left in 2019
        var progress = await Client.GetPlanProgressAsync(new GetPlanProgressRequest { Year = 2019, ThroughMonth = 3 }, Deadline);
        Assert.Equal(68_000_000, progress.CompletedInvestmentYuan);
        Assert.Equal(68_000_000, progress.Cities.Single(c => c.CityCode == "340200").CompletedInvestmentYuan);
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
