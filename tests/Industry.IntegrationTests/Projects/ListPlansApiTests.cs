using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects;

/// <summary>ListPlans on PostgreSQL: latest year first, keyset pages by year.</summary>
public sealed class ListPlansApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private static CallOptions Deadline => ListTestData.Deadline;

    [Fact]
    public async Task ListPlans_PagingThroughEveryPage_ReturnsEachPlanOnceLatestYearFirst()
    {
        int[] years = [2027, 2025, 2029, 2026, 2028];
        foreach (var year in years)
        {
            await Client.UpdatePlanAsync(new UpdatePlanRequest
            {
                Plan = new Plan { Name = $"plans/{year}", TargetKeyProjectsUnderImplementation = year - 1000 },
                AllowMissing = true,
            }, Deadline);
        }

        var seen = new List<Plan>();
        var totals = new List<int>();
        var token = string.Empty;
        do
        {
            var page = await Client.ListPlansAsync(new ListPlansRequest { PageSize = 2, PageToken = token }, Deadline);
            Assert.InRange(page.Plans.Count, 1, 2);
            seen.AddRange(page.Plans);
            totals.Add(page.TotalSize);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var all = (await Client.ListPlansAsync(new ListPlansRequest(), Deadline)).Plans;
        Assert.Equal(all.Select(p => p.Year), seen.Select(p => p.Year));
        Assert.Equal(seen.Select(p => p.Year).OrderDescending(), seen.Select(p => p.Year));
        Assert.Equal(seen.Count, seen.Select(p => p.Year).Distinct().Count());
        Assert.All(totals, total => Assert.Equal(seen.Count, total)); // AIP-158 total_size, the same on every page
        Assert.Subset(seen.Select(p => p.Year).ToHashSet(), new HashSet<int>([.. years, 2024])); // 2024 is seeded
        Assert.Equal(1027, seen.Single(p => p.Year == 2027).TargetKeyProjectsUnderImplementation);
        Assert.Equal(await Client.GetPlanAsync(new GetPlanRequest { Name = "plans/2024" }, Deadline), seen.Single(p => p.Year == 2024));
    }

    [Fact]
    public async Task ListPlans_TokenOfListProjectsOrForged_IsInvalidArgumentOnPageToken()
    {
        var uscc = ListTestData.NewUscc();
        var data = new ListTestData(Client);
        await data.CreateAsync(uscc);
        await data.CreateAsync(uscc);
        var projectsToken = (await Client.ListProjectsAsync(new ListProjectsRequest { Filter = $"enterprise_uscc = \"{uscc}\"", PageSize = 1 }, Deadline)).NextPageToken;

        foreach (var token in new[] { projectsToken, "garbage" })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListPlansAsync(new ListPlansRequest { PageToken = token }, Deadline).ResponseAsync);

            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Equal("page_token", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        }
    }
}
