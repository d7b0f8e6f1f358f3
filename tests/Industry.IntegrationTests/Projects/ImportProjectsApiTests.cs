using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;
using Npgsql;

namespace Industry.IntegrationTests.Projects;

/// <summary>ImportProjects over a real gRPC channel and PostgreSQL: counts, failures, idempotency, events and limits.</summary>
public sealed class ImportProjectsApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private const string Created = "industry.projects.v1.ProjectCreated";
    private const string Updated = "industry.projects.v1.ProjectUpdated";

    private static int _serial = 700_000;

    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    /// <summary>A valid row's project with a code no other test uses.</summary>
    private static Project NewProject(long totalYuan = 250_000_000) => new()
    {
        DisplayName = "年产5万吨高端铝材技术改造项目",
        ProjectCode = $"2025-340104-38-03-{Interlocked.Increment(ref _serial):D6}",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "某铝业股份有限公司",
        CountyCode = "340104",
        Industry = "HOMEAPP",
        Gbt4754Class = "C3851",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = totalYuan,
        EquipmentInvestmentYuan = totalYuan / 2,
        PlannedStartDate = new Google.Type.Date { Year = 2025, Month = 3, Day = 1 },
        PlannedCompletionDate = new Google.Type.Date { Year = 2026, Month = 12, Day = 31 },
    };

    private static ImportProjectsRequest Row(int number, Project? project) => new() { RowNumber = number, Project = project };

    [Fact]
    public async Task ImportProjects_MixedRows_StoresValidRowsAndReportsEachInvalidRowWithItsViolations()
    {
        var good = new[] { NewProject(), NewProject(1_500_000_000), NewProject() };
        var badUscc = NewProject();
        badUscc.EnterpriseUscc = "91340000711771143K";
        var badMoney = NewProject();
        badMoney.CountyCode = "999999";
        badMoney.EquipmentInvestmentYuan = badMoney.TotalInvestmentYuan + 1;
        var badDate = NewProject();
        badDate.PlannedStartDate = new Google.Type.Date { Year = 2025, Month = 2, Day = 30 };
        badDate.Industry = "STEEL";

        var response = await ImportAsync([Row(2, good[0]), Row(3, badUscc), Row(4, good[1]), Row(5, badMoney), Row(6, null), Row(7, badDate), Row(8, good[2])]);

        Assert.Equal((7, 3, 0, 0, 4), (response.RowCount, response.CreatedCount, response.UpdatedCount, response.UnchangedCount, response.FailedCount));
        Assert.Equal([3, 5, 6, 7], response.Failures.Select(f => f.RowNumber));
        Assert.All(response.Failures, f => Assert.Equal(Code.InvalidArgument, f.Code));
        Assert.Equal([badUscc.ProjectCode, badMoney.ProjectCode, string.Empty, badDate.ProjectCode], response.Failures.Select(f => f.ProjectCode));
        Assert.Equal([["project.enterprise_uscc"], ["project.county_code", "project.equipment_investment_yuan"], ["project"], ["project.industry", "project.planned_start_date"]],
            response.Failures.Select(f => f.FieldViolations.Select(v => v.Field).Order().ToArray()));

        var stored = await Client.GetProjectAsync(new GetProjectRequest { Name = "projects/p-" + good[1].ProjectCode }, Deadline);
        Assert.Equal((ProjectState.Reserve, ProjectTier.Major, "340100"), (stored.State, stored.Tier, stored.CityCode));
        Assert.Equal(good[1].DisplayName, stored.DisplayName);
        Assert.Equal(3, await CountAsync("SELECT count(*) FROM outbox_messages WHERE event_type = @type AND subject = ANY(@values)", Created, good.Select(NameOf)));
    }

    [Fact]
    public async Task ImportProjects_RejectedRows_StoreNothingAndRaiseNoEvent()
    {
        var bad = new[] { NewProject(), NewProject() };
        bad[0].TotalInvestmentYuan = 0;
        bad[1].Gbt4754Class = "A0111"; // agriculture: not manufacturing

        var response = await ImportAsync([Row(1, bad[0]), Row(2, bad[1])]);

        Assert.Equal((2, 0, 2), (response.RowCount, response.CreatedCount, response.FailedCount));
        var codes = bad.Select(p => p.ProjectCode).ToArray();
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM projects WHERE project_code = ANY(@values)", null, codes));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = ANY(@values)", null, bad.Select(NameOf)));
    }

    [Fact]
    public async Task ImportProjects_SameSheetTwice_SecondIsAllUnchangedAndWritesNothing()
    {
        var sheet = Enumerable.Range(1, 30).Select(i => Row(i, NewProject(100_000_000 + i))).ToList();
        var first = await ImportAsync(sheet);
        var names = sheet.Select(r => NameOf(r.Project)).ToArray();
        var etags = await EtagsAsync(names);
        var outboxRows = await CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = ANY(@values)", null, names);

        var second = await ImportAsync(sheet);

        Assert.Equal((30, 30, 0), (first.RowCount, first.CreatedCount, first.FailedCount));
        Assert.Equal((30, 0, 0, 30, 0), (second.RowCount, second.CreatedCount, second.UpdatedCount, second.UnchangedCount, second.FailedCount));
        Assert.Equal(etags, await EtagsAsync(names));
        Assert.Equal(30, outboxRows);
        Assert.Equal(outboxRows, await CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = ANY(@values)", null, names));
    }

    [Fact]
    public async Task ImportProjects_ChangedRow_UpdatesThatProjectWithOneEventAndLeavesTheOthers()
    {
        var kept = NewProject();
        var changed = NewProject();
        await ImportAsync([Row(1, kept), Row(2, changed)]);
        var before = await Client.GetProjectAsync(new GetProjectRequest { Name = NameOf(changed) }, Deadline);
        var revised = changed.Clone();
        revised.TotalInvestmentYuan = 1_200_000_000;
        revised.DisplayName = "年产5万吨高端铝材技术改造项目（二期）";

        var response = await ImportAsync([Row(1, kept), Row(2, revised)]);

        Assert.Equal((0, 1, 1, 0), (response.CreatedCount, response.UpdatedCount, response.UnchangedCount, response.FailedCount));
        var after = await Client.GetProjectAsync(new GetProjectRequest { Name = NameOf(changed) }, Deadline);
        Assert.NotEqual(before.Etag, after.Etag);
        Assert.Equal((ProjectTier.Major, revised.DisplayName, before.CreateTime), (after.Tier, after.DisplayName, after.CreateTime));
        var body = await SingleEventBodyAsync(NameOf(changed), Updated);
        var @event = Google.Protobuf.JsonParser.Default.Parse<ProjectUpdated>(body);
        Assert.Equal(["display_name", "total_investment_yuan"], @event.UpdateMask.Paths.Order());
        Assert.Equal(after.Etag, @event.Project.Etag);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM outbox_messages WHERE event_type = @type AND subject = ANY(@values)", Updated, [NameOf(kept)]));
    }

    [Fact]
    public async Task ImportProjects_CodeTwiceInOneStream_LaterRowFailsAndTheFirstStands()
    {
        var project = NewProject();
        var again = project.Clone();
        again.DisplayName = "同一项目的第二行";

        var response = await ImportAsync([Row(10, project), Row(11, NewProject()), Row(12, again)]);

        Assert.Equal((3, 2, 1), (response.RowCount, response.CreatedCount, response.FailedCount));
        var failure = Assert.Single(response.Failures);
        Assert.Equal((12, project.ProjectCode, Code.InvalidArgument), (failure.RowNumber, failure.ProjectCode, failure.Code));
        var violation = Assert.Single(failure.FieldViolations);
        Assert.Equal("project.project_code", violation.Field);
        Assert.Contains("row 10", violation.Description, StringComparison.Ordinal);
        Assert.Equal(project.DisplayName, (await Client.GetProjectAsync(new GetProjectRequest { Name = NameOf(project) }, Deadline)).DisplayName);
    }

    [Fact]
    public async Task ImportProjects_TotalBelowReportedInvestment_FailsAsUpdateProjectWould()
    {
        var project = await new ProjectData(Client).ProjectAsync("340104", 300_000_000, new DateOnly(2024, 1, 10));
        await new ProjectData(Client).ReportAsync(project, "2024-02", 200_000_000);
        var etag = (await Client.GetProjectAsync(new GetProjectRequest { Name = project.Name }, Deadline)).Etag;
        var row = new Project { DisplayName = project.DisplayName, ProjectCode = project.ProjectCode, EnterpriseUscc = project.EnterpriseUscc, EnterpriseDisplayName = project.EnterpriseDisplayName, CountyCode = project.CountyCode, Industry = project.Industry, Gbt4754Class = project.Gbt4754Class, Nature = project.Nature, TotalInvestmentYuan = 150_000_000 };

        var response = await ImportAsync([Row(1, row)]);

        var failure = Assert.Single(response.Failures);
        Assert.Equal((Code.InvalidArgument, "project.total_investment_yuan"), (failure.Code, Assert.Single(failure.FieldViolations).Field));
        Assert.Equal(etag, (await Client.GetProjectAsync(new GetProjectRequest { Name = project.Name }, Deadline)).Etag);
    }

    [Fact]
    public async Task ImportProjects_ManyFailuresAcrossBatches_CountsAllAndListsTheFirstThousandInOrder()
    {
        // 1,600 rows (more than three batches of 500): every fourth row valid, the others without a total.
        var rows = Enumerable.Range(1, 1_600).Select(i =>
        {
            var project = NewProject();
            if (i % 4 != 0)
            {
                project.TotalInvestmentYuan = 0;
                project.EquipmentInvestmentYuan = 0;
            }

            return Row(i, project);
        }).ToList();

        var response = await ImportAsync(rows);

        Assert.Equal((1_600, 400, 1_200), (response.RowCount, response.CreatedCount, response.FailedCount));
        Assert.Equal(1_000, response.Failures.Count);
        Assert.Equal(rows.Select(r => r.RowNumber).Where(n => n % 4 != 0).Take(1_000), response.Failures.Select(f => f.RowNumber));
    }

    [Fact]
    public async Task ImportProjects_MoreThanFiftyThousandRows_IsResourceExhaustedAfterTheFirstFiftyThousand()
    {
        var first = NewProject();
        var beyond = NewProject();
        var rows = Enumerable.Range(1, 50_001).Select(i => Row(i, i switch { 1 => first, 50_001 => beyond, _ => null }));

        var error = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(rows, TimeSpan.FromSeconds(120)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal(("IMPORT_TOO_MANY_ROWS", "50000", "50000"), (info.Reason, info.Metadata["max_rows"], info.Metadata["last_imported_row_number"]));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM projects WHERE project_code = ANY(@values)", null, [first.ProjectCode]));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM projects WHERE project_code = ANY(@values)", null, [beyond.ProjectCode]));
    }

    [Fact]
    public async Task ImportProjects_StreamAbortedMidSheet_KeepsWholeBatchesWithTheirEventsAndTheResentSheetFillsTheRest()
    {
        // A clerk's connection drops after the service has written at least one batch: every batch is all or nothing
        // with its events, the rows after the break are not stored, and sending the sheet again completes it.
        var sheet = Enumerable.Range(1, 1_300).Select(i => Row(i, NewProject(100_000_000 + i))).ToList();
        var names = sheet.Select(r => NameOf(r.Project)).ToArray();
        var codes = sheet.Select(r => r.Project.ProjectCode).ToArray();
        using (var aborted = new CancellationTokenSource())
        using (var call = Client.ImportProjects(new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: aborted.Token)))
        {
            foreach (var row in sheet)
            {
                await call.RequestStream.WriteAsync(row);
            }

            await WaitUntilAsync(async () => await CountAsync("SELECT count(*) FROM projects WHERE project_code = ANY(@values)", null, codes) >= 500);
            await aborted.CancelAsync();
            var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
            Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        }

        // The service finishes (or rolls back) the batch it was writing when the stream broke; wait until it settles.
        var stored = await SettledCountAsync(codes);
        Assert.True(stored is 500 or 1_000, $"{stored} rows stored: a batch was split");
        Assert.Equal(stored, await CountAsync("SELECT count(*) FROM outbox_messages WHERE event_type = @type AND subject = ANY(@values)", Created, names));
        var storedCodes = await StoredCodesAsync(codes);
        Assert.Equal(codes.Take((int)stored), storedCodes.Order(StringComparer.Ordinal));

        var resent = await ImportAsync(sheet);

        Assert.Equal((1_300, 1_300 - stored, 0L, stored, 0), (resent.RowCount, (long)resent.CreatedCount, (long)resent.UpdatedCount, (long)resent.UnchangedCount, resent.FailedCount));
        Assert.Equal(1_300, await CountAsync("SELECT count(*) FROM outbox_messages WHERE event_type = @type AND subject = ANY(@values)", Created, names));
    }

    [Fact]
    public async Task ImportProjects_RowNumberNotPositive_FailsThatRow()
    {
        var response = await ImportAsync([Row(0, NewProject())]);

        var failure = Assert.Single(response.Failures);
        Assert.Equal("row_number", Assert.Single(failure.FieldViolations).Field);
        Assert.Equal(0, response.CreatedCount);
    }

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    private static string NameOf(Project project) => "projects/p-" + project.ProjectCode;

    /// <summary>Streams the rows and returns the response; a call the server ended early throws its status from here.</summary>
    private async Task<ImportProjectsResponse> ImportAsync(IEnumerable<ImportProjectsRequest> rows, TimeSpan? timeout = null)
    {
        using var call = Client.ImportProjects(new CallOptions(deadline: DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60))));
        try
        {
            foreach (var row in rows)
            {
                await call.RequestStream.WriteAsync(row);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server ended the call before the stream did: its status comes with the response.
        }

        return await call.ResponseAsync;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "the condition did not hold within 30 s");
            await Task.Delay(20);
        }
    }

    /// <summary>The number of <paramref name="codes"/> stored, once it has not changed for a second.</summary>
    private async Task<long> SettledCountAsync(string[] codes)
    {
        var last = -1L;
        for (var same = 0; same < 5;)
        {
            await Task.Delay(200);
            var count = await CountAsync("SELECT count(*) FROM projects WHERE project_code = ANY(@values)", null, codes);
            same = count == last ? same + 1 : 0;
            last = count;
        }

        return last;
    }

    private async Task<List<string>> StoredCodesAsync(string[] codes)
    {
        await using var connection = new NpgsqlConnection(service.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT project_code FROM projects WHERE project_code = ANY(@values)", connection);
        command.Parameters.AddWithValue("values", codes);
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new List<string>();
        while (await reader.ReadAsync())
        {
            stored.Add(reader.GetString(0));
        }

        return stored;
    }

    private async Task<string[]> EtagsAsync(IEnumerable<string> names)
    {
        var etags = new List<string>();
        foreach (var name in names)
        {
            etags.Add((await Client.GetProjectAsync(new GetProjectRequest { Name = name }, Deadline)).Etag);
        }

        return [.. etags];
    }

    private async Task<string> SingleEventBodyAsync(string subject, string type)
    {
        await using var connection = new NpgsqlConnection(service.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT body FROM outbox_messages WHERE subject = @subject AND event_type = @type", connection);
        command.Parameters.AddWithValue("subject", subject);
        command.Parameters.AddWithValue("type", type);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var body = reader.GetString(0);
        Assert.False(await reader.ReadAsync());
        return body;
    }

    private async Task<long> CountAsync(string sql, string? type, IEnumerable<string> values)
    {
        await using var connection = new NpgsqlConnection(service.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("values", values.ToArray());
        if (type is not null)
        {
            command.Parameters.AddWithValue("type", type);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
