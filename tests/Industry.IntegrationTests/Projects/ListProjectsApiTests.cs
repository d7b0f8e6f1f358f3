using System.Net;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects;

/// <summary>ListProjects on PostgreSQL: keyset pages in every order, each filter field, and the errors.</summary>
public sealed class ListProjectsApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private ListTestData Data => new(Client);

    private static CallOptions Deadline => ListTestData.Deadline;

    [Theory]
    [InlineData("", 2)]
    [InlineData("create_time", 3)]
    [InlineData("update_time desc", 2)]
    [InlineData("total_investment_yuan", 2)]
    [InlineData("total_investment_yuan desc", 3)]
    [InlineData("project_code desc", 2)]
    [InlineData("display_name, total_investment_yuan desc", 2)]
    [InlineData("display_name desc, create_time", 1)]
    public async Task ListProjects_PagingThroughEveryPage_ReturnsEachProjectOnceInOrder(string orderBy, int pageSize)
    {
        // Ties on total and name, so that later keys and the name decide; updates reorder update_time against create_time.
        var uscc = ListTestData.NewUscc();
        long[] totals = [300_000_000, 100_000_000, 300_000_000, 5_000_000_000, 100_000_000, 300_000_000, 20_000_000];
        var created = new List<Project>();
        for (var i = 0; i < totals.Length; i++)
        {
            var total = totals[i];
            var name = i % 2 == 0 ? "Alpha" : "Beta";
            created.Add(await Data.CreateAsync(uscc, p => (p.TotalInvestmentYuan, p.DisplayName) = (total, name)));
        }

        await Client.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Name = created[1].Name, Description = "更新" } }, Deadline);
        await Client.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Name = created[0].Name, Description = "更新" } }, Deadline);
        var stored = (await Client.ListProjectsAsync(new ListProjectsRequest { Filter = $"enterprise_uscc = \"{uscc}\"", PageSize = 100 }, Deadline)).Projects;

        var filter = $"enterprise_uscc = \"{uscc}\"";
        var seen = new List<string>();
        var token = string.Empty;
        var pages = 0;
        do
        {
            var page = await Client.ListProjectsAsync(new ListProjectsRequest { Filter = filter, OrderBy = orderBy, PageSize = pageSize, PageToken = token }, Deadline);
            Assert.True(page.Projects.Count <= pageSize);
            seen.AddRange(page.Projects.Select(p => p.Name));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(Expected(stored, orderBy), seen);
        Assert.Equal(totals.Length, seen.Distinct().Count());
        Assert.Equal((totals.Length + pageSize - 1) / pageSize, pages);
    }

    [Theory]
    [InlineData("state = PROJECT_STATE_UNDER_CONSTRUCTION", "a d")]
    [InlineData("state != PROJECT_STATE_RESERVE", "a b d")]
    [InlineData("tier = PROJECT_TIER_MAJOR", "b")]
    [InlineData("tier = PROJECT_TIER_GUIDANCE", "c d")]
    [InlineData("nature = PROJECT_NATURE_RENOVATION", "c")]
    [InlineData("city_code = \"340100\"", "a c d")]
    [InlineData("county_code = \"340207\"", "b")]
    [InlineData("industry = \"AUTO\"", "b")]
    [InlineData("industry = \"industries/IT\"", "a c")]
    [InlineData("gbt4754_class = \"C3851\"", "d")]
    [InlineData("cluster = \"\"", "a b c d")]
    [InlineData("park != \"\"", "")]
    [InlineData("digital_transformation = true", "a")]
    [InlineData("digital_transformation != true", "b c d")]
    [InlineData("total_investment_yuan >= 100000000", "a b")]
    [InlineData("total_investment_yuan < 100000000", "c d")]
    [InlineData("total_investment_yuan = 50000000", "c")]
    [InlineData("planned_start_date >= \"2025-01-01\"", "c")]
    [InlineData("planned_start_date < \"2025-01-01\"", "a")]
    [InlineData("actual_start_date < \"2024-01-01\"", "b")]
    [InlineData("actual_start_date != \"2024-04-01\"", "b c d")]
    [InlineData("actual_completion_date = \"2024-02-01\"", "b")]
    [InlineData("implementation_year = 2023", "b")]
    [InlineData("implementation_year = 2024", "a b d")]
    [InlineData("implementation_year = 2025", "a d")]
    [InlineData("state = PROJECT_STATE_UNDER_CONSTRUCTION AND city_code = \"340100\" AND total_investment_yuan >= 100000000", "a")]
    public async Task ListProjects_FilterOnEachField_ReturnsTheMatchingProjects(string filter, string expected)
    {
        var (uscc, names) = await FourProjectsAsync();

        var listed = await Client.ListProjectsAsync(new ListProjectsRequest { Filter = $"enterprise_uscc = \"{uscc}\" AND {filter}" }, Deadline);

        Assert.Equal(expected, string.Join(' ', listed.Projects.Select(p => names[p.Name]).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task ListProjects_FilterOnProjectCodeAndUpdateTime_ComparesExactValues()
    {
        var uscc = ListTestData.NewUscc();
        var first = await Data.CreateAsync(uscc);
        var second = await Data.CreateAsync(uscc);
        var third = await Data.CreateAsync(uscc);

        async Task<IEnumerable<string>> NamesAsync(string filter) =>
            (await Client.ListProjectsAsync(new ListProjectsRequest { Filter = $"enterprise_uscc = \"{uscc}\" AND {filter}", OrderBy = "create_time" }, Deadline)).Projects.Select(p => p.Name);

        Assert.Equal([second.Name], await NamesAsync($"project_code = \"{second.ProjectCode}\""));
        Assert.Equal([second.Name, third.Name], await NamesAsync($"project_code > \"{first.ProjectCode}\""));
        Assert.Equal([second.Name], await NamesAsync($"update_time = \"{ListTestData.Rfc3339(second.UpdateTime)}\""));
        Assert.Equal([second.Name, third.Name], await NamesAsync($"update_time > \"{ListTestData.Rfc3339(first.UpdateTime)}\""));
        Assert.Equal([first.Name, second.Name], await NamesAsync($"update_time <= \"{ListTestData.Rfc3339(second.UpdateTime)}\""));
    }

    [Theory]
    [InlineData("owner = \"x\"", "", "filter")]
    [InlineData("state = UNDER_CONSTRUCTION", "", "filter")]
    [InlineData("state < PROJECT_STATE_COMPLETED", "", "filter")]
    [InlineData("total_investment_yuan = \"1\"", "", "filter")]
    [InlineData("implementation_year >= 2024", "", "filter")]
    [InlineData("behind_schedule > 1", "", "filter")]
    [InlineData("behind_schedule >= true", "", "filter")]
    [InlineData("behind_schedule = 1", "", "filter")]
    [InlineData("behind_schedule = \"true\"", "", "filter")]
    [InlineData("state = PROJECT_STATE_RESERVE OR tier = PROJECT_TIER_KEY", "", "filter")]
    [InlineData("", "owner", "order_by")]
    [InlineData("", "create_time asc", "order_by")]
    [InlineData("", "create_time, create_time desc", "order_by")]
    public async Task ListProjects_BadFilterOrOrder_IsInvalidArgumentOnThatField(string filter, string orderBy, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListProjectsAsync(new ListProjectsRequest { Filter = filter, OrderBy = orderBy }, Deadline).ResponseAsync);

        AssertViolation(error, field);
    }

    [Fact]
    public async Task ListProjects_NegativePageSize_IsInvalidArgumentOnPageSize()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListProjectsAsync(new ListProjectsRequest { PageSize = -1 }, Deadline).ResponseAsync);

        AssertViolation(error, "page_size");
    }

    [Fact]
    public async Task ListProjects_TokenWithAnotherFilterOrOrderOrForged_IsInvalidArgumentOnPageToken()
    {
        var uscc = ListTestData.NewUscc();
        await Data.CreateAsync(uscc);
        await Data.CreateAsync(uscc);
        var filter = $"enterprise_uscc = \"{uscc}\"";
        var token = (await Client.ListProjectsAsync(new ListProjectsRequest { Filter = filter, PageSize = 1 }, Deadline)).NextPageToken;
        var plansToken = await PlansTokenAsync();

        ListProjectsRequest[] misuses =
        [
            new() { Filter = filter + " AND tier = PROJECT_TIER_KEY", PageSize = 1, PageToken = token },
            new() { Filter = filter, OrderBy = "create_time", PageSize = 1, PageToken = token },
            new() { Filter = filter, PageSize = 1, PageToken = token[..^2] + (token[^2] == 'A' ? "BA" : "AA") },
            new() { Filter = filter, PageSize = 1, PageToken = "not-a-token" },
            new() { PageSize = 1, PageToken = plansToken },
        ];
        foreach (var misuse in misuses)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListProjectsAsync(misuse, Deadline).ResponseAsync);
            AssertViolation(error, "page_token");
        }

        Assert.Single((await Client.ListProjectsAsync(new ListProjectsRequest { Filter = filter, PageSize = 1, PageToken = token }, Deadline)).Projects);
    }

    [Fact]
    public async Task ListProjects_OverJsonRest_FiltersOrdersAndPages()
    {
        var uscc = ListTestData.NewUscc();
        var small = await Data.CreateAsync(uscc, p => p.TotalInvestmentYuan = 100_000_000);
        var large = await Data.CreateAsync(uscc, p => p.TotalInvestmentYuan = 900_000_000);
        var query = $"filter={Uri.EscapeDataString($"enterprise_uscc = \"{uscc}\"")}&orderBy={Uri.EscapeDataString("total_investment_yuan desc")}&pageSize=1";

        using var first = JsonDocument.Parse(await GetAsync("/v1/projects?" + query));
        var token = first.RootElement.GetProperty("nextPageToken").GetString()!;
        using var second = JsonDocument.Parse(await GetAsync($"/v1/projects?{query}&pageToken={Uri.EscapeDataString(token)}"));

        Assert.Equal(large.Name, first.RootElement.GetProperty("projects")[0].GetProperty("name").GetString());
        Assert.Equal(small.Name, second.RootElement.GetProperty("projects")[0].GetProperty("name").GetString());
        Assert.False(second.RootElement.TryGetProperty("nextPageToken", out var end) && end.GetString() is { Length: > 0 });
    }

    private async Task<string> GetAsync(string path)
    {
        using var response = await service.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// a: Hefei, IT, new build, ¥500M (KEY), planned 2024-03-01, started 2024-04-01, digital; b: Wuhu, AUTO, expansion,
    /// ¥2bn (MAJOR), 2023-01-10 to 2024-02-01 (COMPLETED); c: Hefei, IT, renovation, ¥50M, planned 2025-01-01, RESERVE;
    /// d: Hefei (another county), HOMEAPP, relocation, ¥20M, started 2024-06-01.
    /// </summary>
    private async Task<(string Uscc, Dictionary<string, string> Names)> FourProjectsAsync()
    {
        var uscc = ListTestData.NewUscc();
        var a = await Data.CreateAsync(uscc, p =>
        {
            (p.TotalInvestmentYuan, p.DigitalTransformation) = (500_000_000, true);
            p.PlannedStartDate = ListTestData.Date(new DateOnly(2024, 3, 1));
        });
        a = await Data.MoveAsync(a, ProjectState.UnderConstruction, new DateOnly(2024, 4, 1));
        var b = await Data.CreateAsync(uscc, p => (p.CountyCode, p.Industry, p.Gbt4754Class, p.Nature, p.TotalInvestmentYuan) = ("340207", "AUTO", "C3670", ProjectNature.Expansion, 2_000_000_000));
        b = await Data.MoveAsync(b, ProjectState.UnderConstruction, new DateOnly(2023, 1, 10));
        b = await Data.MoveAsync(b, ProjectState.Completed, new DateOnly(2024, 2, 1));
        var c = await Data.CreateAsync(uscc, p =>
        {
            (p.Nature, p.TotalInvestmentYuan) = (ProjectNature.Renovation, 50_000_000);
            p.PlannedStartDate = ListTestData.Date(new DateOnly(2025, 1, 1));
        });
        var d = await Data.CreateAsync(uscc, p => (p.CountyCode, p.Industry, p.Gbt4754Class, p.Nature, p.TotalInvestmentYuan) = ("340181", "HOMEAPP", "C3851", ProjectNature.Relocation, 20_000_000));
        d = await Data.MoveAsync(d, ProjectState.UnderConstruction, new DateOnly(2024, 6, 1));
        return (uscc, new Dictionary<string, string> { [a.Name] = "a", [b.Name] = "b", [c.Name] = "c", [d.Name] = "d" });
    }

    private async Task<string> PlansTokenAsync()
    {
        await Client.UpdatePlanAsync(new UpdatePlanRequest { Plan = new Plan { Name = "plans/2030", TargetKeyProjectsUnderImplementation = 1 }, AllowMissing = true }, Deadline);
        return (await Client.ListPlansAsync(new ListPlansRequest { PageSize = 1 }, Deadline)).NextPageToken;
    }

    /// <summary>The order the server promises, computed here: the keys, then the name in the last key's direction.</summary>
    private static List<string> Expected(IEnumerable<Project> projects, string orderBy)
    {
        var keys = (orderBy.Length == 0 ? "create_time desc" : orderBy).Split(',', StringSplitOptions.TrimEntries)
            .Select(k => (Field: k.Split(' ')[0], Descending: k.EndsWith(" desc", StringComparison.Ordinal)))
            .ToList();
        var comparer = Comparer<Project>.Create((x, y) =>
        {
            foreach (var (field, descending) in keys)
            {
                var c = Key(x, field).CompareTo(Key(y, field));
                if (c != 0)
                {
                    return descending ? -c : c;
                }
            }

            var byName = string.CompareOrdinal(x.Name, y.Name);
            return keys[^1].Descending ? -byName : byName;
        });
        return [.. projects.Order(comparer).Select(p => p.Name)];
    }

    private static IComparable Key(Project p, string field) => field switch
    {
        "create_time" => p.CreateTime.ToDateTime(),
        "update_time" => p.UpdateTime.ToDateTime(),
        "total_investment_yuan" => p.TotalInvestmentYuan,
        "project_code" => new OrdinalString(p.ProjectCode),
        _ => new OrdinalString(p.DisplayName),
    };

    private static void AssertViolation(RpcException error, string field)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    private sealed record OrdinalString(string Value) : IComparable
    {
        public int CompareTo(object? obj) => string.CompareOrdinal(Value, ((OrdinalString)obj!).Value);
    }
}
