using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// Cluster and park references checked with their services over gRPC (<see cref="FakeReferenceServices"/>): a missing
/// one is FAILED_PRECONDITION naming the field, a service that cannot answer UNAVAILABLE, nothing stored either way;
/// an update that keeps its references calls nobody; an import fails only the rows concerned.
/// </summary>
public sealed class ReferenceChecksApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private static int _serial = 700_000;

    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    internal static Project NewProject(ref int serial, string cluster = "", string park = "") => new()
    {
        DisplayName = "集群内技术改造项目",
        ProjectCode = $"2024-340104-38-03-{Interlocked.Increment(ref serial):D6}",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "科大讯飞股份有限公司",
        CountyCode = "340104",
        Industry = "AUTO",
        Gbt4754Class = "C3612",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = 500_000_000,
        Cluster = cluster,
        Park = park,
    };

    [Fact]
    public async Task CreateProject_KnownClusterAndPark_IsStoredWithBoth()
    {
        var project = NewProject(ref _serial, FakeReferenceServices.HefeiEv, FakeReferenceServices.HefeiHitech);

        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = project }, Deadline);

        Assert.Equal((FakeReferenceServices.HefeiEv, FakeReferenceServices.HefeiHitech), (created.Cluster, created.Park));
        Assert.Equal(created, await Client.GetProjectAsync(new GetProjectRequest { Name = created.Name }, Deadline));
    }

    [Theory]
    [InlineData("clusters/no-such-cluster", FakeReferenceServices.HefeiHitech, "project.cluster")]
    [InlineData(FakeReferenceServices.HefeiEv, "parks/no-such-park", "project.park")]
    public async Task CreateProject_UnknownReference_IsFailedPreconditionNamingTheFieldAndStoresNothing(string cluster, string park, string field)
    {
        var project = NewProject(ref _serial, cluster, park);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateProjectAsync(new CreateProjectRequest { Project = project }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var status = error.GetRpcStatus()!;
        Assert.Equal("REFERENCE_NOT_FOUND", status.GetDetail<ErrorInfo>().Reason);
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal(("REFERENCE_NOT_FOUND", field), (violation.Type, violation.Subject));
        await AssertNothingStoredAsync(project);
    }

    [Fact]
    public async Task CreateProject_ParksServiceWithoutGetPark_IsUnavailableAndStoresNothing()
    {
        var project = NewProject(ref _serial, park: FakeReferenceServices.Unimplemented);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateProjectAsync(new CreateProjectRequest { Project = project }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal("parks", error.GetRpcStatus()!.GetDetail<ErrorInfo>().Metadata["dependency"]);
        await AssertNothingStoredAsync(project);
    }

    [Fact]
    public async Task CreateProject_ClusterServiceNeverAnswers_IsUnavailableAtTheCheckDeadlineAndStoresNothing()
    {
        var project = NewProject(ref _serial, FakeReferenceServices.NeverAnswers);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(20)); // the call itself has no deadline
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.CreateProjectAsync(new CreateProjectRequest { Project = project }, cancellationToken: giveUp.Token).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        // The fixture's check deadline is 2 s: the answer comes when it passes, not before and not much after.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.8), TimeSpan.FromSeconds(10));
        await AssertNothingStoredAsync(project);
    }

    [Fact]
    public async Task UpdateProject_KeepingItsCluster_DoesNotCallTheClusterService()
    {
        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(ref _serial, FakeReferenceServices.WuhuRobot) }, Deadline);
        var callsBefore = service.References.Calls.CountFor(FakeReferenceServices.WuhuRobot);

        var updated = await Client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = new Project { Name = created.Name, DisplayName = "改名后的项目", Cluster = FakeReferenceServices.WuhuRobot },
            UpdateMask = new FieldMask { Paths = { "display_name", "cluster" } },
        }, Deadline);

        Assert.Equal("改名后的项目", updated.DisplayName);
        Assert.Equal(callsBefore, service.References.Calls.CountFor(FakeReferenceServices.WuhuRobot));
        Assert.True(callsBefore >= 1, "the create checked the cluster");
    }

    [Fact]
    public async Task UpdateProject_ToAKnownPark_IsCheckedAndStored()
    {
        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(ref _serial) }, Deadline);
        var callsBefore = service.References.Calls.CountFor(FakeReferenceServices.HefeiHitech);

        var updated = await Client.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Name = created.Name, Park = FakeReferenceServices.HefeiHitech } }, Deadline);

        Assert.Equal(FakeReferenceServices.HefeiHitech, updated.Park);
        Assert.Equal(callsBefore + 1, service.References.Calls.CountFor(FakeReferenceServices.HefeiHitech));
    }

    [Fact]
    public async Task UpdateProject_ToAnUnknownCluster_IsFailedPreconditionAndChangesNothing()
    {
        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(ref _serial, FakeReferenceServices.HefeiEv) }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = new Project { Name = created.Name, Cluster = "clusters/gone", DisplayName = "不应保存" },
        }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("project.cluster", Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Subject);
        Assert.Equal(created, await Client.GetProjectAsync(new GetProjectRequest { Name = created.Name }, Deadline));
    }

    [Fact]
    public async Task ImportProjects_RowsWithMissingOrUnverifiableReferences_FailAloneAndTheBatchLooksEachReferenceUpOnce()
    {
        var known = Enumerable.Range(0, 3).Select(_ => NewProject(ref _serial, FakeReferenceServices.HefeiEv, FakeReferenceServices.HefeiHitech)).ToList();
        var missing = NewProject(ref _serial, "clusters/no-such-cluster");
        var unverified = NewProject(ref _serial, park: FakeReferenceServices.Unimplemented);
        var before = service.References.Calls.CountFor(FakeReferenceServices.HefeiEv);

        using var call = Client.ImportProjects(Deadline);
        var rows = new[] { known[0], missing, known[1], unverified, known[2] };
        for (var i = 0; i < rows.Length; i++)
        {
            await call.RequestStream.WriteAsync(new ImportProjectsRequest { RowNumber = i + 2, Project = rows[i] });
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;

        Assert.Equal((5, 3, 2), (response.RowCount, response.CreatedCount, response.FailedCount));
        Assert.Equal([(3, Code.FailedPrecondition), (5, Code.Unavailable)], response.Failures.Select(f => (f.RowNumber, f.Code)));
        Assert.Equal("project.cluster", Assert.Single(response.Failures[0].FieldViolations).Field);
        Assert.Contains(FakeReferenceServices.Unimplemented, response.Failures[1].Message, StringComparison.Ordinal); // not invalid: no field at fault
        Assert.Equal(before + 1, service.References.Calls.CountFor(FakeReferenceServices.HefeiEv)); // one look-up for three rows
        await AssertNothingStoredAsync(missing);
        await AssertNothingStoredAsync(unverified);
        var stored = await Client.GetProjectAsync(new GetProjectRequest { Name = "projects/p-" + known[1].ProjectCode }, Deadline);
        Assert.Equal((FakeReferenceServices.HefeiEv, FakeReferenceServices.HefeiHitech), (stored.Cluster, stored.Park));
    }

    private async Task AssertNothingStoredAsync(Project project)
    {
        Assert.Equal(0, await Rows.CountAsync(service.Database, "SELECT count(*) FROM projects WHERE project_code = @value", project.ProjectCode));
        Assert.Equal(0, await Rows.CountAsync(service.Database, "SELECT count(*) FROM outbox_messages WHERE body LIKE '%' || @value || '%'", project.ProjectCode));
    }
}
