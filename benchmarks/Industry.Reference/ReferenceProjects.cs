using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.Reference.Bench;
using Microsoft.EntityFrameworkCore;

namespace Industry.Reference;

/// <summary>GetProject, UpdateProject (with an etag) and ListProjects (<c>county_code = "…"</c>, a page) the direct way.</summary>
internal sealed partial class ReferenceProjects(ReferenceDb db) : ProjectService.ProjectServiceBase
{
    public override async Task<Project> GetProject(GetProjectRequest request, ServerCallContext context)
    {
        var id = request.Name.Replace("projects/", "", StringComparison.Ordinal);
        var row = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken);
        return row is null ? throw new RpcException(new Status(StatusCode.NotFound, request.Name)) : ToProto(row);
    }

    public override async Task<Project> UpdateProject(UpdateProjectRequest request, ServerCallContext context)
    {
        var id = request.Project.Name.Replace("projects/", "", StringComparison.Ordinal);
        var row = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, request.Project.Name));
        if (request.Project.Etag.Length > 0 && request.Project.Etag != row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new RpcException(new Status(StatusCode.Aborted, "etag"));
        }

        foreach (var path in request.UpdateMask.Paths)
        {
            _ = path switch
            {
                "display_name" => row.DisplayName = request.Project.DisplayName,
                "description" => row.Description = request.Project.Description,
                _ => throw new RpcException(new Status(StatusCode.InvalidArgument, path)),
            };
        }

        row.Version++;
        row.UpdateTime = DateTime.UtcNow;
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(row);
    }

    public override async Task<ListProjectsResponse> ListProjects(ListProjectsRequest request, ServerCallContext context)
    {
        var county = CountyFilter().Match(request.Filter) is { Success: true } m ? m.Groups[1].Value
            : throw new RpcException(new Status(StatusCode.InvalidArgument, "filter"));
        var size = request.PageSize is > 0 and <= 100 ? request.PageSize : 50;
        var rows = await db.Projects.AsNoTracking().Where(p => p.CountyCode == county)
            .OrderByDescending(p => p.CreateTime).ThenBy(p => p.Id).Take(size).ToListAsync(context.CancellationToken);
        return new ListProjectsResponse { Projects = { rows.Select(ToProto) }, NextPageToken = rows.Count == size ? rows[^1].Id : "" };
    }

    private static Project ToProto(ReferenceProject p) => new()
    {
        Name = "projects/" + p.Id,
        DisplayName = p.DisplayName,
        ProjectCode = p.ProjectCode,
        EnterpriseUscc = p.EnterpriseUscc,
        EnterpriseDisplayName = p.EnterpriseDisplayName,
        CountyCode = p.CountyCode,
        CityCode = p.CityCode,
        Industry = p.Industry,
        Gbt4754Class = p.Gbt4754Class,
        Nature = (ProjectNature)p.Nature,
        TotalInvestmentYuan = p.TotalInvestmentYuan,
        EquipmentInvestmentYuan = p.EquipmentInvestmentYuan,
        Tier = (ProjectTier)p.Tier,
        PlannedStartDate = Date(p.PlannedStartDate),
        PlannedCompletionDate = Date(p.PlannedCompletionDate),
        ActualStartDate = Date(p.ActualStartDate),
        ActualCompletionDate = Date(p.ActualCompletionDate),
        ActualProductionDate = Date(p.ActualProductionDate),
        Cluster = p.Cluster,
        Park = p.Park,
        DigitalTransformation = p.DigitalTransformation,
        Description = p.Description,
        State = (ProjectState)p.State,
        StateDate = Date(p.StateDate),
        StateReason = p.StateReason,
        CumulativeCompletedInvestmentYuan = p.CumulativeCompletedInvestmentYuan,
        LatestReportPeriod = p.LatestReportPeriod,
        Etag = p.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CreateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(p.CreateTime, DateTimeKind.Utc)),
        UpdateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(p.UpdateTime, DateTimeKind.Utc)),
        UpdateActor = p.UpdateActor,
    };

    private static Google.Type.Date? Date(DateOnly? d) => d is { } v ? new() { Year = v.Year, Month = v.Month, Day = v.Day } : null;

    [GeneratedRegex("""^\s*county_code\s*=\s*"(\d{6})"\s*$""")]
    private static partial Regex CountyFilter();
}

/// <summary>The framework's floor: a method that touches nothing.</summary>
internal sealed class ReferenceNoop : NoopService.NoopServiceBase
{
    public override Task<Empty> Noop(Empty request, ServerCallContext context) => Task.FromResult(request);
}
