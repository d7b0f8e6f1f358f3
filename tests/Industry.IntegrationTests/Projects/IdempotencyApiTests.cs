using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// <c>request_id</c> (AIP-155, ADR 0013): a repeat returns the first response and changes nothing; the same id with a
/// different request, or an id that is not a UUID, is INVALID_ARGUMENT and stores nothing.
/// </summary>
public sealed class IdempotencyApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private const string CountCodes = "SELECT count(*) FROM projects WHERE project_code = @value";
    private const string CountRequests = "SELECT count(*) FROM idempotent_requests WHERE request_id = @value";

    private static int _serial = 800_000;

    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    private static CreateProjectRequest NewRequest(Guid requestId) => new()
    {
        Project = ReferenceChecksApiTests.NewProject(ref _serial),
        RequestId = requestId.ToString(),
    };

    [Fact]
    public async Task CreateProject_RepeatedWithTheSameRequestId_ReturnsTheSameProjectWithOneRowAndOneEvent()
    {
        var requestId = Guid.NewGuid();
        var request = NewRequest(requestId);

        var first = await Client.CreateProjectAsync(request, Deadline);
        var repeat = await Client.CreateProjectAsync(request, Deadline);

        Assert.Equal(first, repeat);
        Assert.Equal(1, await Rows.CountAsync(service.Database, CountCodes, request.Project.ProjectCode));
        Assert.Equal(1, await CountEventsAsync(first.Name, "ProjectCreated"));
        Assert.Equal(1, await Rows.CountAsync(service.Database, CountRequests, requestId));
    }

    [Fact]
    public async Task CreateProject_ConcurrentDuplicates_CreateOneProjectAndAllGetIt()
    {
        var request = NewRequest(Guid.NewGuid());

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Client.CreateProjectAsync(request, Deadline).ResponseAsync));

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(1, await Rows.CountAsync(service.Database, CountCodes, request.Project.ProjectCode));
        Assert.Equal(1, await CountEventsAsync(answers[0].Name, "ProjectCreated"));
    }

    [Fact]
    public async Task CreateProject_SameRequestIdWithADifferentProject_IsInvalidArgumentAndStoresNothing()
    {
        var requestId = Guid.NewGuid();
        await Client.CreateProjectAsync(NewRequest(requestId), Deadline);
        var other = NewRequest(requestId);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateProjectAsync(other, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var status = error.GetRpcStatus()!;
        Assert.Equal("REQUEST_ID_REUSED", status.GetDetail<ErrorInfo>().Reason);
        Assert.Equal("request_id", Assert.Single(status.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(0, await Rows.CountAsync(service.Database, CountCodes, other.Project.ProjectCode));
    }

    [Theory]
    [InlineData("retry-1")]
    [InlineData("3f2c6a9e7b1d4c559a0e2d4b8f61c7a3")]
    public async Task CreateProject_RequestIdNotAUuid_IsInvalidArgumentAndStoresNothing(string requestId)
    {
        var request = NewRequest(Guid.Empty);
        request.RequestId = requestId;

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateProjectAsync(request, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("request_id", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(0, await Rows.CountAsync(service.Database, CountCodes, request.Project.ProjectCode));
    }

    [Fact]
    public async Task ReportInvestment_RepeatedWithTheSameRequestId_ReturnsTheFirstReportAndCountsItOnce()
    {
        var created = await Client.CreateProjectAsync(NewRequest(Guid.NewGuid()), Deadline);
        await Client.TransitionProjectAsync(new TransitionProjectRequest
        {
            Name = created.Name,
            State = ProjectState.UnderConstruction,
            Date = new Google.Type.Date { Year = 2024, Month = 1, Day = 15 },
        }, Deadline);
        var report = new ReportInvestmentRequest { Parent = created.Name, Period = "2024-02", CompletedInvestmentYuan = 20_000_000, RequestId = Guid.NewGuid().ToString() };

        var first = await Client.ReportInvestmentAsync(report, Deadline);
        var repeat = await Client.ReportInvestmentAsync(report, Deadline); // without the request id: ALREADY_EXISTS

        Assert.Equal(first, repeat);
        var project = await Client.GetProjectAsync(new GetProjectRequest { Name = created.Name }, Deadline);
        Assert.Equal(20_000_000, project.CumulativeCompletedInvestmentYuan);
        Assert.Equal(1, await CountEventsAsync(created.Name, "InvestmentReported"));
    }

    [Fact]
    public async Task TransitionProject_RepeatedWithTheSameRequestId_ReturnsTheFirstAnswerInsteadOfAnIllegalTransition()
    {
        var created = await Client.CreateProjectAsync(NewRequest(Guid.NewGuid()), Deadline);
        var transition = new TransitionProjectRequest { Name = created.Name, State = ProjectState.UnderConstruction, Etag = created.Etag, RequestId = Guid.NewGuid().ToString() };

        var first = await Client.TransitionProjectAsync(transition, Deadline);
        var repeat = await Client.TransitionProjectAsync(transition, Deadline); // without the request id: ABORTED (stale etag)

        Assert.Equal(first, repeat);
        Assert.Equal(1, await CountEventsAsync(created.Name, "ProjectStateChanged"));
    }

    [Fact]
    public async Task CreateProject_AnotherCallerReusingTheRequestId_GetsItsOwnExecutionNeverTheFirstCallersProject()
    {
        var requestId = Guid.NewGuid();
        var first = await Client.CreateProjectAsync(NewRequest(requestId), Admin("admin-a"));
        var other = NewRequest(requestId); // another project under the same id: a request of its own for another caller

        var created = await Client.CreateProjectAsync(other, Admin("admin-b"));

        Assert.NotEqual(first.Name, created.Name);
        Assert.Equal(other.Project.ProjectCode, created.ProjectCode);
        Assert.Equal(2, await Rows.CountAsync(service.Database, CountRequests, requestId));
    }

    [Fact]
    public async Task TransitionProject_AnotherCallerRepeatingTheRequest_RunsItAfreshInsteadOfReplayingTheFirstAnswer()
    {
        var created = await Client.CreateProjectAsync(NewRequest(Guid.NewGuid()), Deadline);
        var transition = new TransitionProjectRequest { Name = created.Name, State = ProjectState.UnderConstruction, Etag = created.Etag, RequestId = Guid.NewGuid().ToString() };
        await Client.TransitionProjectAsync(transition, Admin("admin-a"));

        // Its own run meets the first caller's change (the etag is stale now): its own refusal, not the stored answer.
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.TransitionProjectAsync(transition, Admin("admin-b")).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(1, await CountEventsAsync(created.Name, "ProjectStateChanged"));
    }

    [Fact]
    public async Task CreateProject_AnEditorOfAnotherCityReusingTheRequestId_IsPermissionDeniedNotReplayed()
    {
        var request = NewRequest(Guid.NewGuid()); // a Hefei project (county 340104)
        var hefei = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340100", subject: "hefei-editor"));
        var wuhu = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340200", subject: "wuhu-editor"));
        await Client.CreateProjectAsync(request, hefei, DateTime.UtcNow.AddSeconds(15));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateProjectAsync(request, wuhu, DateTime.UtcNow.AddSeconds(15)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("OUTSIDE_CALLER_CITY", error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        Assert.Equal(1, await Rows.CountAsync(service.Database, CountRequests, Guid.Parse(request.RequestId)));
    }

    [Fact]
    public async Task CreateProject_TheSameSubjectNowEditorOfAnotherCityRepeating_IsCheckedAfreshAndDenied()
    {
        var request = NewRequest(Guid.NewGuid()); // a Hefei project (county 340104)
        var before = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340100", subject: "moved-editor"));
        var after = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340200", subject: "moved-editor"));
        await Client.CreateProjectAsync(request, before, DateTime.UtcNow.AddSeconds(15));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateProjectAsync(request, after, DateTime.UtcNow.AddSeconds(15)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("OUTSIDE_CALLER_CITY", error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
    }

    [Fact]
    public async Task CreateProject_TheSameCallerWithAnotherTokenRepeating_GetsTheStoredProject()
    {
        var request = NewRequest(Guid.NewGuid());
        var first = await Client.CreateProjectAsync(request, Admin("admin-a"));

        var repeat = await Client.CreateProjectAsync(request, Admin("admin-a")); // a fresh token of the same subject

        Assert.Equal(first, repeat);
    }

    private static CallOptions Admin(string subject) =>
        new(TestTokens.Bearer(TestTokens.Mint(Roles.ProvinceAdmin, subject: subject)), DateTime.UtcNow.AddSeconds(15));

    private Task<long> CountEventsAsync(string subject, string eventType) => Rows.CountAsync(
        service.Database, $"SELECT count(*) FROM outbox_messages WHERE subject = @value AND event_type = 'industry.projects.v1.{eventType}'", subject);
}
