using Industry.Projects.Domain;
using Industry.ServiceDefaults.Errors;

namespace Industry.Projects.UnitTests;

public sealed class ProjectReferencesTests
{
    private static readonly ProjectDraft Stored = new() { Cluster = "clusters/hefei-ev", Park = "parks/hefei-hitech" };

    [Fact]
    public void ToCheck_NewProject_ChecksEverySetReference()
    {
        var references = ProjectReferences.ToCheck(Stored, stored: null);

        Assert.Equal([new ProjectReference("project.cluster", "clusters/hefei-ev"), new ProjectReference("project.park", "parks/hefei-hitech")], references);
    }

    [Fact]
    public void ToCheck_NewProjectWithoutReferences_ChecksNothing() =>
        Assert.Empty(ProjectReferences.ToCheck(new ProjectDraft(), stored: null));

    [Fact]
    public void ToCheck_UpdateKeepingBothReferences_ChecksNothing() =>
        Assert.Empty(ProjectReferences.ToCheck(Stored with { DisplayName = "改名" }, Stored));

    [Fact]
    public void ToCheck_UpdateChangingThePark_ChecksOnlyThePark()
    {
        var references = ProjectReferences.ToCheck(Stored with { Park = "parks/wuhu-econ" }, Stored);

        Assert.Equal([new ProjectReference("project.park", "parks/wuhu-econ")], references);
    }

    [Fact]
    public void ToCheck_UpdateClearingTheCluster_ChecksNothing() =>
        Assert.Empty(ProjectReferences.ToCheck(Stored with { Cluster = string.Empty }, Stored));

    [Fact]
    public void ToCheck_ImportRowPrefix_NamesTheRowsField()
    {
        var reference = Assert.Single(ProjectReferences.ToCheck(new ProjectDraft { Park = "parks/p" }, stored: null, prefix: "rows[3].project."));

        Assert.Equal("rows[3].project.park", reference.Field);
    }

    [Fact]
    public void Require_AllExist_Returns()
    {
        var references = ProjectReferences.ToCheck(Stored, stored: null);

        ProjectReferences.Require(references, States(ReferenceState.Exists, ReferenceState.Exists));
    }

    [Fact]
    public void Require_MissingCluster_IsFailedPreconditionNamingTheField()
    {
        var references = ProjectReferences.ToCheck(Stored, stored: null);

        var error = Assert.Throws<ServiceException>(() => ProjectReferences.Require(references, States(ReferenceState.Missing, ReferenceState.Exists)));

        Assert.Equal((ErrorKind.FailedPrecondition, ProjectReferences.NotFoundReason), (error.Kind, error.Reason));
        var violation = Assert.Single(error.PreconditionViolations);
        Assert.Equal((ProjectReferences.NotFoundReason, "project.cluster"), (violation.Type, violation.Subject));
        Assert.Equal("clusters/hefei-ev", error.Metadata["cluster"]);
    }

    [Fact]
    public void Require_MissingAndUnverified_ReportsTheMissingOneSinceARetryCannotHelp()
    {
        var references = ProjectReferences.ToCheck(Stored, stored: null);

        var error = Assert.Throws<ServiceException>(() => ProjectReferences.Require(references, States(ReferenceState.Unverified, ReferenceState.Missing)));

        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal("project.park", Assert.Single(error.PreconditionViolations).Subject);
    }

    [Fact]
    public void Require_Unverified_IsUnavailableNamingTheService()
    {
        var references = ProjectReferences.ToCheck(Stored, stored: null);

        var error = Assert.Throws<ServiceException>(() => ProjectReferences.Require(references, States(ReferenceState.Exists, ReferenceState.Unverified)));

        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Equal("parks", error.Metadata["dependency"]);
    }

    [Fact]
    public async Task RequireAsync_UnchangedReferences_CallsNobody()
    {
        var checker = new RecordingChecker(ReferenceState.Missing);

        await checker.RequireAsync(Stored with { Description = "只改描述" }, Stored, CancellationToken.None);

        Assert.Empty(checker.Calls);
    }

    [Fact]
    public async Task RequireAsync_ChangedCluster_LooksUpOnlyTheCluster()
    {
        var checker = new RecordingChecker(ReferenceState.Exists);

        await checker.RequireAsync(Stored with { Cluster = "clusters/wuhu-robot" }, Stored, CancellationToken.None);

        Assert.Equal(["clusters/wuhu-robot"], Assert.Single(checker.Calls));
    }

    [Theory]
    [InlineData("clusters/x", "cluster")]
    [InlineData("parks/y", "parks")]
    public void OwnerOf_Name_IsTheOwningService(string name, string service) => Assert.Equal(service, ProjectReferences.OwnerOf(name));

    private static Dictionary<string, ReferenceState> States(ReferenceState cluster, ReferenceState park) => new()
    {
        [Stored.Cluster] = cluster,
        [Stored.Park] = park,
    };

    private sealed class RecordingChecker(ReferenceState answer) : IReferenceChecker
    {
        public List<IReadOnlyCollection<string>> Calls { get; } = [];

        public Task<IReadOnlyDictionary<string, ReferenceState>> LookUpAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
        {
            Calls.Add(names);
            return Task.FromResult<IReadOnlyDictionary<string, ReferenceState>>(names.ToDictionary(n => n, _ => answer));
        }
    }
}
