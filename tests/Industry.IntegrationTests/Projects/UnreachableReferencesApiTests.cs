using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects;

/// <summary>The cluster and parks services unreachable (nothing listens at their address): references cannot be checked.</summary>
public sealed class UnreachableReferencesApiTests(UnreachableReferencesFixture service) : IClassFixture<UnreachableReferencesFixture>
{
    private static int _serial = 750_000;

    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Theory]
    [InlineData(FakeReferenceServices.HefeiEv, "", "cluster")]
    [InlineData("", FakeReferenceServices.HefeiHitech, "parks")]
    public async Task CreateProject_ReferencedServiceUnreachable_IsUnavailableAndStoresNothing(string cluster, string park, string dependency)
    {
        var project = ReferenceChecksApiTests.NewProject(ref _serial, cluster, park);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateProjectAsync(new CreateProjectRequest { Project = project }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal(("DEPENDENCY_UNAVAILABLE", dependency), (info.Reason, info.Metadata["dependency"]));
        Assert.Equal(0, await Rows.CountAsync(service.Database, "SELECT count(*) FROM projects WHERE project_code = @value", project.ProjectCode));
        Assert.Equal(0, await Rows.CountAsync(service.Database, "SELECT count(*) FROM outbox_messages WHERE body LIKE '%' || @value || '%'", project.ProjectCode));
    }

    [Fact]
    public async Task CreateProject_WithoutReferences_NeedsNeitherService()
    {
        var project = ReferenceChecksApiTests.NewProject(ref _serial);

        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = project }, Deadline);

        Assert.Equal(project.ProjectCode, created.ProjectCode);
    }
}
