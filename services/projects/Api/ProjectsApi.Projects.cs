using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Projects.Data;
using Industry.ServiceDefaults.Pagination;
using Microsoft.EntityFrameworkCore;
using static Industry.ServiceDefaults.Errors.RequiredFields;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>The project resource: standard methods, the lifecycle and the import.</summary>
internal sealed partial class ProjectsApi
{
    public override async Task<Proto.Project> GetProject(Proto.GetProjectRequest request, ServerCallContext context) =>
        (await db.Projects.GetAsync(Project.Collection, request.Name, "name", context.CancellationToken)).ToProto();

    public override async Task<Proto.ListProjectsResponse> ListProjects(Proto.ListProjectsRequest request, ServerCallContext context)
    {
        var (page, next) = await pageTokens.ListAsync(db.Projects.AsNoTracking(), ProjectListing.Filter(ScheduleLagBasis.Of(db, clock)), ProjectListing.Order, request, context.CancellationToken);
        return new() { Projects = { page.Select(p => p.ToProto()) }, NextPageToken = next };
    }

    public override Task<Proto.Project> CreateProject(Proto.CreateProjectRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => projects.CreateAsync(w, request.ProjectId, Required(request.Project, "project").ToDraft()));

    public override Task<Proto.Project> UpdateProject(Proto.UpdateProjectRequest request, ServerCallContext context)
    {
        var project = Required(request.Project, "project");
        return writes.RunAsync(request, context, w => projects.UpdateAsync(w, project.Name, project.Etag, project.ToDraft(), request.UpdateMask));
    }

    public override Task<Empty> DeleteProject(Proto.DeleteProjectRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => projects.DeleteAsync(w, request.Name, request.Etag, request.Force));

    public override Task<Proto.Project> TransitionProject(Proto.TransitionProjectRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => projects.TransitionAsync(w, request.Name, request.Etag, request.State.ToTarget(), request.Date.ToDateOnly("date"), request.Reason.Trim()));

    /// <summary>A stream is no one request, and carries no <c>request_id</c>: the import runs as one write of an empty request.</summary>
    public override Task<Proto.ImportProjectsResponse> ImportProjects(IAsyncStreamReader<Proto.ImportProjectsRequest> requestStream, ServerCallContext context) =>
        writes.RunAsync(new Proto.ImportProjectsRequest(), context, w => imports.ImportAsync(w, requestStream.ReadAllAsync(context.CancellationToken).Select(ProjectImportMapping.Read)));
}
