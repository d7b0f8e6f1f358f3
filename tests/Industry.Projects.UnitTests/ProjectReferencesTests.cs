using Industry.Projects.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Security;

namespace Industry.Projects.UnitTests;

public sealed class ProjectReferencesTests
{
    private const string Hefei = "340100";
    private const string Wuhu = "340200";

    private static readonly ProjectDraft Stored = new() { CountyCode = "340104", Cluster = "clusters/hefei-ev", Park = "parks/hefei-hitech" };

    private static readonly Caller Admin = new("admin", Roles.ProvinceAdmin, null);

    private static readonly Caller HefeiEditor = new("hefei-editor", Roles.CityEditor, Hefei);

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

        ProjectReferences.Require(references, States(ReferenceState.Exists, ReferenceState.Exists), Hefei, HefeiEditor);
    }

    [Fact]
    public void Require_MissingCluster_IsFailedPreconditionNamingTheField()
    {
        var references = ProjectReferences.ToCheck(Stored, stored: null);

        var error = Assert.Throws<ServiceException>(() => ProjectReferences.Require(references, States(ReferenceState.Missing, ReferenceState.Exists), Hefei, Admin));

        Assert.Equal((ErrorKind.FailedPrecondition, ProjectReferences.NotFoundReason), (error.Kind, error.Reason));
        var violation = Assert.Single(error.PreconditionViolations);
        Assert.Equal((ProjectReferences.NotFoundReason, "project.cluster"), (violation.Type, violation.Subject));
        Assert.Equal("clusters/hefei-ev", error.Metadata["cluster"]);
    }

    [Fact]
    public void Require_MissingAndUnverified_ReportsTheMissingOneSinceARetryCannotHelp()
    {
        var references = ProjectReferences.ToCheck(Stored, stored: null);

        var error = Assert.Throws<ServiceException>(() => ProjectReferences.Require(references, States(ReferenceState.Unverified, ReferenceState.Missing), Hefei, Admin));

        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal("project.park", Assert.Single(error.PreconditionViolations).Subject);
    }

    [Fact]
    public void Require_Unverified_IsUnavailableNamingTheService()
    {
        var references = ProjectReferences.ToCheck(Stored, stored: null);

        var error = Assert.Throws<ServiceException>(() => ProjectReferences.Require(references, States(ReferenceState.Exists, ReferenceState.Unverified), Hefei, Admin));

        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Equal("parks", error.Metadata["dependency"]);
    }

    [Fact]
    public async Task RequireAsync_UnchangedReferences_CallsNobody()
    {
        var checker = new RecordingChecker(ReferenceAnswer.Missing);

        await checker.RequireAsync(Stored with { Description = "只改描述" }, Stored, Admin, CancellationToken.None);

        Assert.Empty(checker.Calls);
    }

    [Fact]
    public async Task RequireAsync_ChangedCluster_LooksUpOnlyTheCluster()
    {
        var checker = new RecordingChecker(new ReferenceAnswer(ReferenceState.Exists, Wuhu));

        await checker.RequireAsync(Stored with { Cluster = "clusters/wuhu-robot" }, Stored, Admin, CancellationToken.None);

        Assert.Equal(["clusters/wuhu-robot"], Assert.Single(checker.Calls));
    }

    [Fact]
    public void ToCheck_UpdateMovingTheProjectToAnotherCity_ChecksBothUnchangedReferencesAgain()
    {
        var references = ProjectReferences.ToCheck(Stored with { CountyCode = "340202" }, Stored);

        Assert.Equal(["project.cluster", "project.park"], references.Select(r => r.Field));
    }

    [Fact]
    public void ToCheck_UpdateMovingTheProjectWithinItsCity_ChecksNothing() =>
        Assert.Empty(ProjectReferences.ToCheck(Stored with { CountyCode = "340102" }, Stored));

    [Theory]
    [InlineData(Wuhu, Hefei, "project.cluster")]
    [InlineData(Hefei, Wuhu, "project.park")]
    [InlineData("", Hefei, "project.cluster")] // a cluster answer without a city: refused, not waved through
    public void Require_CityEditorNamingAnotherCitysReference_IsOutsideCallerCity(string clusterCity, string parkCity, string field)
    {
        var references = ProjectReferences.ToCheck(Stored, stored: null);

        var error = Assert.Throws<ServiceException>(() => ProjectReferences.Require(
            references, Answers(new(ReferenceState.Exists, clusterCity), new(ReferenceState.Exists, parkCity)), Hefei, HefeiEditor));

        Assert.Equal((ErrorKind.PermissionDenied, "OUTSIDE_CALLER_CITY"), (error.Kind, error.Reason));
        Assert.Equal((field, Hefei), (error.Metadata["field"], error.Metadata["caller_city"]));
    }

    [Fact]
    public void Require_CityEditorNamingAnotherCitysParkAndAMissingCluster_IsOutsideCallerCity()
    {
        var references = ProjectReferences.ToCheck(Stored, stored: null);

        var error = Assert.Throws<ServiceException>(() => ProjectReferences.Require(
            references, Answers(ReferenceAnswer.Missing, new(ReferenceState.Exists, Wuhu)), Hefei, HefeiEditor));

        Assert.Equal(("OUTSIDE_CALLER_CITY", "parks/hefei-hitech"), (error.Reason, error.Metadata["resource"]));
    }

    [Fact]
    public void Require_CityEditorNamingAMissingPark_IsStillReferenceNotFound()
    {
        var references = ProjectReferences.ToCheck(Stored, stored: null);

        var error = Assert.Throws<ServiceException>(() => ProjectReferences.Require(
            references, Answers(new(ReferenceState.Exists, Hefei), ReferenceAnswer.Missing), Hefei, HefeiEditor));

        Assert.Equal((ErrorKind.FailedPrecondition, ProjectReferences.NotFoundReason), (error.Kind, error.Reason));
    }

    [Fact]
    public void Require_AdminNamingAnotherCitysCluster_Returns() =>
        ProjectReferences.Require(ProjectReferences.ToCheck(Stored, stored: null), Answers(new(ReferenceState.Exists, Wuhu), new(ReferenceState.Exists, Hefei)), Hefei, Admin);

    [Theory]
    [InlineData(Wuhu)]
    [InlineData("")]
    public void Require_AdminNamingAParkOfAnotherCity_IsFailedPreconditionNamingThePark(string parkCity)
    {
        var references = ProjectReferences.ToCheck(Stored, stored: null);

        var error = Assert.Throws<ServiceException>(() => ProjectReferences.Require(
            references, Answers(new(ReferenceState.Exists, Hefei), new(ReferenceState.Exists, parkCity)), Hefei, Admin));

        Assert.Equal((ErrorKind.FailedPrecondition, ProjectReferences.ParkInAnotherCityReason), (error.Kind, error.Reason));
        var violation = Assert.Single(error.PreconditionViolations);
        Assert.Equal((ProjectReferences.ParkInAnotherCityReason, "project.park"), (violation.Type, violation.Subject));
    }

    [Theory]
    [InlineData("clusters/x", "cluster")]
    [InlineData("parks/y", "parks")]
    public void OwnerOf_Name_IsTheOwningService(string name, string service) => Assert.Equal(service, ProjectReferences.OwnerOf(name));

    private static Dictionary<string, ReferenceAnswer> States(ReferenceState cluster, ReferenceState park) => Answers(new(cluster, Hefei), new(park, Hefei));

    private static Dictionary<string, ReferenceAnswer> Answers(ReferenceAnswer cluster, ReferenceAnswer park) => new()
    {
        [Stored.Cluster] = cluster,
        [Stored.Park] = park,
    };

    private sealed class RecordingChecker(ReferenceAnswer answer) : IReferenceChecker
    {
        public List<IReadOnlyCollection<string>> Calls { get; } = [];

        public Task<IReadOnlyDictionary<string, ReferenceAnswer>> LookUpAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
        {
            Calls.Add(names);
            return Task.FromResult<IReadOnlyDictionary<string, ReferenceAnswer>>(names.ToDictionary(n => n, _ => answer));
        }
    }
}
