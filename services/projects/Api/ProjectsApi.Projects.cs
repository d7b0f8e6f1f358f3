using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Projects.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Resources;
using Industry.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>The project resource: standard methods and the lifecycle.</summary>
internal sealed partial class ProjectsApi
{
    public override async Task<Proto.Project> GetProject(Proto.GetProjectRequest request, ServerCallContext context) =>
        (await FindProjectAsync(request.Name, "name", tracking: false, context.CancellationToken)).ToProto();

    public override Task<Proto.Project> CreateProject(Proto.CreateProjectRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => CreateProjectOnceAsync(request, context));

    private async Task<Proto.Project> CreateProjectOnceAsync(Proto.CreateProjectRequest request, ServerCallContext context)
    {
        var draft = (request.Project ?? throw ServiceException.InvalidArgument("project", "is required.")).ToDraft();
        var violations = ProjectRules.Check(draft).ToList();
        if (request.ProjectId.Length > 0 && !ResourceName.IsValidId(request.ProjectId))
        {
            violations.Add(new FieldViolation("project_id", ResourceName.IdRule));
        }

        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        // The default id is readable and follows from the project code, so an import finds the same project.
        var id = request.ProjectId.Length > 0 ? request.ProjectId : DefaultId(draft.ProjectCode);
        context.RequireCity(Divisions.CityOf(draft.CountyCode)?.Code, "projects/" + id); // before existence is revealed
        var takenId = await db.Projects.Where(p => p.Id == id || p.ProjectCode == draft.ProjectCode).Select(p => p.Id).FirstOrDefaultAsync(context.CancellationToken);
        if (takenId is not null)
        {
            throw ServiceException.AlreadyExists(takenId == id ? "projects/" + id : $"A project with code {draft.ProjectCode}");
        }

        await references.RequireAsync(draft, stored: null, context.Caller(), context.CancellationToken);

        var actor = Actor.Of(context);
        var previousVersion = await db.LastVersionAsync("projects/" + id, context.CancellationToken); // deleted before: go on from there
        var project = Project.Create(id, draft, ChinaTime.Today(clock), Now, actor, previousVersion);
        db.Projects.Add(project);
        var proto = project.ToProto();
        outbox.Add(new Proto.ProjectCreated { Project = proto }, project.Name, project.Version, actor);
        idempotency.Record(proto);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }

    public override async Task<Proto.Project> UpdateProject(Proto.UpdateProjectRequest request, ServerCallContext context)
    {
        var requested = request.Project ?? throw ServiceException.InvalidArgument("project", "is required.");
        var project = await FindProjectForWriteAsync(requested.Name, "project.name", context);
        Etag.Require(requested.Etag, project.Version, project.Name);
        if (requested.ProjectCode.Length > 0 && requested.ProjectCode != project.ProjectCode)
        {
            throw ServiceException.InvalidArgument("project.project_code", "is immutable.");
        }

        var draft = requested.ToDraft();
        var paths = UpdateMask.Resolve(request.UpdateMask, ProjectDraftMerge.Editable, field => ProjectDraftMerge.IsSet(draft, field));
        var stored = project.ToDraft();
        var merged = ProjectDraftMerge.Merge(stored, draft, paths);
        var violations = ProjectRules.Check(merged);
        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        if (merged.CountyCode != stored.CountyCode)
        {
            context.RequireCity(Divisions.CityOf(merged.CountyCode)?.Code, project.Name); // a city editor cannot move it out
        }

        await references.RequireAsync(merged, stored, context.Caller(), context.CancellationToken);

        var actor = Actor.Of(context);
        var changed = project.Revise(merged, Now, actor);
        var proto = project.ToProto();
        if (changed.Count > 0)
        {
            outbox.Add(new Proto.ProjectUpdated { Project = proto, UpdateMask = new FieldMask { Paths = { changed } } }, project.Name, project.Version, actor);
            await db.SaveChangesAsync(context.CancellationToken);
        }

        return proto;
    }

    public override async Task<Empty> DeleteProject(Proto.DeleteProjectRequest request, ServerCallContext context)
    {
        var project = await FindProjectForWriteAsync(request.Name, "name", context);
        Etag.Require(request.Etag, project.Version, project.Name);
        if (!request.Force && await db.InvestmentReports.AnyAsync(r => r.ProjectId == project.Id, context.CancellationToken))
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "PROJECT_HAS_INVESTMENT_REPORTS",
                $"{project.Name} has investment reports; delete them first or set force.",
                new Dictionary<string, string> { ["resource"] = project.Name });
        }

        var actor = Actor.Of(context);
        project.MarkDeleted(Now, actor);
        outbox.Add(new Proto.ProjectDeleted { Project = project.ToProto() }, project.Name, project.Version, actor);
        await db.BuryAsync(project.Name, project.Version, Now, context.CancellationToken);
        db.Projects.Remove(project); // its reports go with it (cascade)
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    public override Task<Proto.Project> TransitionProject(Proto.TransitionProjectRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => TransitionProjectOnceAsync(request, context));

    private async Task<Proto.Project> TransitionProjectOnceAsync(Proto.TransitionProjectRequest request, ServerCallContext context)
    {
        if (request.State == Proto.ProjectState.Unspecified || !System.Enum.IsDefined((ProjectState)request.State))
        {
            throw ServiceException.InvalidArgument("state", "must be a project state.");
        }

        var date = request.Date.ToDateOnly("date");
        var project = await FindProjectForWriteAsync(request.Name, "name", context);
        Etag.Require(request.Etag, project.Version, project.Name);

        var actor = Actor.Of(context);
        var today = ChinaTime.Today(clock);
        var previous = project.State;
        project.Transition((ProjectState)request.State, date ?? today, today, request.Reason.Trim(), Now, actor);
        var proto = project.ToProto();
        outbox.Add(new Proto.ProjectStateChanged { Project = proto, PreviousState = (Proto.ProjectState)previous }, project.Name, project.Version, actor);
        idempotency.Record(proto);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }

    private DateTime Now => WireTime.UtcNow(clock);

    private async Task<Project> FindProjectAsync(string name, string field, bool tracking, CancellationToken cancellationToken)
    {
        var id = ResourceName.Id(name, "projects", field);
        var query = tracking ? db.Projects : db.Projects.AsNoTracking();
        return await query.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw ServiceException.NotFound(name);
    }

    /// <summary>
    /// The project to write, tracked. A city editor gets PERMISSION_DENIED for a project of another city and for one that
    /// does not exist alike, so it cannot probe other cities' ids; others get NOT_FOUND for an absent one.
    /// </summary>
    private async Task<Project> FindProjectForWriteAsync(string name, string field, ServerCallContext context)
    {
        var id = ResourceName.Id(name, "projects", field);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, context.CancellationToken);
        context.RequireCity(project?.CityCode, name);
        return project ?? throw ServiceException.NotFound(name);
    }

    /// <summary><c>2023-340104-38-03-012345</c> → <c>p-2023-340104-38-03-012345</c>.</summary>
    internal static string DefaultId(string projectCode) => "p-" + projectCode;
}
