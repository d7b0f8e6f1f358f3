using Industry.Projects.Api;
using Industry.Projects.Domain;
using Industry.Projects.Writes;
using Industry.ServiceDefaults.Errors;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects.Writes;

/// <summary>The project's handlers (create, update, transition, delete) in-process on SQLite, through the real pipeline.</summary>
public sealed class ProjectWritesTests : ProjectWritesHarness
{
    [Fact]
    public async Task Create_StoresTheProjectWithItsCreatedEventInOneSave()
    {
        var project = NewProject();
        var created = await CreateAsync(project);

        await using var db = Harness.NewContext();
        var stored = await db.Projects.SingleAsync();
        Assert.Equal(("projects/p-" + project.ProjectCode, 1L, "340100", ProjectState.Reserve), (stored.Name, stored.Version, stored.CityCode, stored.State));
        Assert.Equal([("industry.projects.v1.ProjectCreated", created.Name, 1L)], (await Harness.EventsAsync()).Select(e => (e.EventType, e.Subject, e.SubjectVersion)));
    }

    [Fact]
    public async Task Create_ACityEditorOfAnotherCity_IsRefusedAndNothingIsStored()
    {
        var error = await Assert.ThrowsAsync<ServiceException>(() => CreateAsync(NewProject(), WriteHarness.CityEditor("340200")));

        Assert.Equal((ErrorKind.PermissionDenied, "OUTSIDE_CALLER_CITY"), (error.Kind, error.Reason));
        await using var db = Harness.NewContext();
        Assert.Empty(await db.Projects.ToListAsync());
        Assert.Empty(await Harness.EventsAsync());
    }

    [Fact]
    public async Task Update_WithAMask_ChangesOnlyTheMaskedFieldsAndNamesThemInItsEvent()
    {
        var project = await CreateAsync(NewProject());
        var requested = new Proto.Project { Name = project.Name, DisplayName = "改名的技改项目", TotalInvestmentYuan = 900_000_000, Etag = project.Etag };

        var updated = await Harness.WriteAsync(
            new Proto.UpdateProjectRequest(),
            (db, w) => Projects(db).UpdateAsync(w, requested.Name, requested.Etag, requested.ToDraft(), new() { Paths = { "display_name" } }));

        Assert.Equal(("改名的技改项目", 300_000_000L, "W/\"2\""), (updated.DisplayName, updated.TotalInvestmentYuan, updated.Etag));
        var @event = Google.Protobuf.JsonParser.Default.Parse<Proto.ProjectUpdated>((await Harness.EventsAsync())[^1].Body);
        Assert.Equal(["display_name"], @event.UpdateMask.Paths);
    }

    [Fact]
    public async Task Update_APathThatIsNotEditable_IsInvalidArgumentOnTheMask()
    {
        var project = await CreateAsync(NewProject());

        var error = await Assert.ThrowsAsync<ServiceException>(() => Harness.WriteAsync(
            new Proto.UpdateProjectRequest(),
            (db, w) => Projects(db).UpdateAsync(w, project.Name, string.Empty, new ProjectDraft(), new() { Paths = { "tier" } })));

        Assert.Equal(["update_mask"], error.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Transition_Illegal_IsTheOneIllegalTransitionShapeAndChangesNothing()
    {
        var project = await CreateAsync(NewProject());

        var error = await Assert.ThrowsAsync<ServiceException>(() => Harness.WriteAsync(
            new Proto.TransitionProjectRequest(),
            (db, w) => Projects(db).TransitionAsync(w, project.Name, string.Empty, ProjectState.Completed, null, string.Empty)));

        Assert.Equal((ErrorKind.FailedPrecondition, "ILLEGAL_STATE_TRANSITION"), (error.Kind, error.Reason));
        Assert.Equal(
            ["resource", "current_state", "requested_transition", "requested_state", "allowed_transitions", "allowed_states"],
            error.Metadata.Keys);
        Assert.Equal(
            ("TransitionProject(PROJECT_STATE_COMPLETED)", "PROJECT_STATE_COMPLETED", "PROJECT_STATE_UNDER_CONSTRUCTION,PROJECT_STATE_CANCELLED"),
            (error.Metadata["requested_transition"], error.Metadata["requested_state"], error.Metadata["allowed_states"]));
        await using var db = Harness.NewContext();
        Assert.Equal((ProjectState.Reserve, 1L), await db.Projects.Select(p => ValueTuple.Create(p.State, p.Version)).SingleAsync());
        Assert.Single(await Harness.EventsAsync());
    }

    [Fact]
    public async Task Delete_WithReports_IsRefusedUnlessForcedThenGoesWithThem()
    {
        var project = await StartedProjectAsync();
        await Harness.WriteAsync(
            new Proto.ReportInvestmentRequest(),
            (db, w) => new InvestmentReportWrites(db).ReportAsync(w, new InvestmentReportDraft(project.Name, "2024-01", 1_000_000, string.Empty, string.Empty)));

        var refused = await Assert.ThrowsAsync<ServiceException>(() => Harness.WriteAsync(
            new Proto.DeleteProjectRequest(),
            (db, w) => Projects(db).DeleteAsync(w, project.Name, string.Empty, force: false)));
        Assert.Equal((ErrorKind.FailedPrecondition, "PROJECT_HAS_INVESTMENT_REPORTS"), (refused.Kind, refused.Reason));

        await Harness.WriteAsync(new Proto.DeleteProjectRequest(), (db, w) => Projects(db).DeleteAsync(w, project.Name, string.Empty, force: true));

        await using var db = Harness.NewContext();
        Assert.Empty(await db.Projects.ToListAsync());
        Assert.Empty(await db.InvestmentReports.ToListAsync());
        var deleted = (await Harness.EventsAsync())[^1];
        Assert.Equal(("industry.projects.v1.ProjectDeleted", 4L), (deleted.EventType, deleted.SubjectVersion));
    }
}
