using Google.Protobuf.WellKnownTypes;
using Industry.Projects.Api;
using Industry.Projects.Data;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Writes;

/// <summary>The project's use cases, each one write on the pipeline: create, update, delete and the lifecycle.</summary>
internal sealed class ProjectWrites(ProjectsDbContext db, IReferenceChecker references)
{
    public async Task<Proto.Project> CreateAsync(Write write, string requestedId, ProjectDraft draft)
    {
        ServiceException.ThrowIfAny([.. ProjectRules.Check(draft), .. ResourceName.IdViolations(requestedId, "project_id")]);

        // The default id is readable and follows from the project code, so an import finds the same project.
        var id = requestedId.Length > 0 ? requestedId : DefaultId(draft.ProjectCode);
        var name = Project.Collection + "/" + id;
        write.RequireCity(Divisions.CityOf(draft.CountyCode)?.Code, name); // before existence is revealed
        var takenId = await db.Projects.Where(p => p.Id == id || p.ProjectCode == draft.ProjectCode).Select(p => p.Id).FirstOrDefaultAsync(write.CancellationToken);
        if (takenId is not null)
        {
            throw ServiceException.AlreadyExists(takenId == id ? name : $"A project with code {draft.ProjectCode}");
        }

        await references.RequireAsync(draft, stored: null, write.Caller, write.CancellationToken);

        // Not Write.AddAsync: the check above (id or code) is the one that decides existence.
        var project = await write.AddAbsentAsync(db.Projects, name, version => Project.Create(id, draft, write.Today, write.Now, write.Actor, version));
        var proto = project.ToProto();
        write.Raise(new Proto.ProjectCreated { Project = proto }, project);
        return proto;
    }

    public async Task<Proto.Project> UpdateAsync(Write write, string name, string etag, ProjectDraft requested, FieldMask? mask)
    {
        var project = await write.LoadAsync(db.Projects, Project.Collection, name, "project.name", etag);
        if (requested.ProjectCode.Length > 0 && requested.ProjectCode != project.ProjectCode)
        {
            throw ServiceException.InvalidArgument("project.project_code", "is immutable.");
        }

        var stored = project.ToDraft();
        var merged = ProjectMapping.Editable.Merge(stored, requested, mask);
        ServiceException.ThrowIfAny(ProjectRules.Check(merged));
        if (merged.CountyCode != stored.CountyCode)
        {
            write.RequireCity(Divisions.CityOf(merged.CountyCode)?.Code, project.Name); // a city editor cannot move it out
        }

        await references.RequireAsync(merged, stored, write.Caller, write.CancellationToken);
        var changed = project.Revise(merged, write.Now, write.Actor);
        var proto = project.ToProto();
        if (changed.Count > 0)
        {
            write.Raise(new Proto.ProjectUpdated { Project = proto, UpdateMask = new FieldMask { Paths = { changed } } }, project);
        }

        return proto;
    }

    public async Task<Empty> DeleteAsync(Write write, string name, string etag, bool force)
    {
        var project = await write.LoadAsync(db.Projects, Project.Collection, name, "name", etag);
        await write.RefuseDeleteWhileAsync(force, db.InvestmentReports.Where(r => r.ProjectId == project.Id), "PROJECT_HAS_INVESTMENT_REPORTS", project, "investment reports");

        // Its (forced) reports are announced by its deletion: their events are the project's (its cumulative investment).
        await write.RemoveAllAsync(db.InvestmentReports, await db.InvestmentReports.Where(r => r.ProjectId == project.Id).ToListAsync(write.CancellationToken));
        await write.DeleteAsync(db.Projects, project, p => new Proto.ProjectDeleted { Project = p.ToProto() });
        return new Empty();
    }

    /// <summary>Moves the project to <paramref name="target"/> on <paramref name="date"/> (today when not given).</summary>
    public async Task<Proto.Project> TransitionAsync(Write write, string name, string etag, ProjectState target, DateOnly? date, string reason)
    {
        var project = await write.LoadAsync(db.Projects, Project.Collection, name, "name", etag);
        var previous = project.State;
        project.Transition(target, date ?? write.Today, write.Today, reason, write.Now, write.Actor);
        var proto = project.ToProto();
        write.Raise(new Proto.ProjectStateChanged { Project = proto, PreviousState = (Proto.ProjectState)previous }, project);
        return proto;
    }

    /// <summary><c>2023-340104-38-03-012345</c> → <c>p-2023-340104-38-03-012345</c>.</summary>
    internal static string DefaultId(string projectCode) => "p-" + projectCode;
}
