using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Overview.V1;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Resources;
using ClustersV1 = Industry.Clusters.V1;
using ParksV1 = Industry.Parks.V1;
using ProjectsV1 = Industry.Projects.V1;

namespace Industry.Gateway.Overview;

/// <summary>
/// 全省概览: the province overview, composed from the three services' progress calls, made in parallel with the
/// caller's token, each as a section of its own (<see cref="Sections"/>): a failed or slow service costs only its
/// section (UNAVAILABLE with the error) and the call still answers in time.
/// </summary>
internal sealed class OverviewApi(
    ClustersV1.ClusterService.ClusterServiceClient clusters,
    ProjectsV1.ProjectService.ProjectServiceClient projects,
    ParksV1.ParkService.ParkServiceClient parks,
    Sections sections,
    EnterpriseProfiles profiles,
    TimeProvider clock) : OverviewService.OverviewServiceBase
{
    public override Task<EnterpriseProfile> GetEnterpriseProfile(GetEnterpriseProfileRequest request, ServerCallContext context) =>
        profiles.GetAsync(request, context);

    public override async Task<ProvinceOverview> GetProvinceOverview(GetProvinceOverviewRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        if (request.Year is < 2000 or > 2100)
        {
            violations.Add(new FieldViolation("year", "must be a year from 2000 to 2100."));
        }

        if (request.ThroughMonth is < 0 or > 12)
        {
            violations.Add(new FieldViolation("through_month", "must be 0 (the default) or a month 1-12."));
        }

        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        var year = request.Year;
        var clustersCall = sections.CallAsync(deadline => clusters.GetClusterProgressAsync(new ClustersV1.GetClusterProgressRequest { Year = year }, deadline: deadline).ResponseAsync, "cluster", context);
        var projectsCall = sections.CallAsync(deadline => projects.GetPlanProgressAsync(new ProjectsV1.GetPlanProgressRequest { Year = year, ThroughMonth = request.ThroughMonth }, deadline: deadline).ResponseAsync, "projects", context);
        var parksCall = sections.CallAsync(deadline => parks.GetDigitalProgressAsync(new ParksV1.GetDigitalProgressRequest { Year = year }, deadline: deadline).ResponseAsync, "parks", context);
        var (clusterProgress, clusterError) = await clustersCall;
        var (planProgress, planError) = await projectsCall;
        var (digitalProgress, digitalError) = await parksCall;
        context.CancellationToken.ThrowIfCancellationRequested(); // the caller's own deadline or cancellation fails the call

        return new ProvinceOverview
        {
            Year = year,
            ThroughMonth = planProgress?.ThroughMonth ?? DefaultThroughMonth(year, request.ThroughMonth),
            Clusters = new ClusterProgressSection { State = Sections.StateOf(clusterError), Progress = clusterProgress, Error = clusterError },
            Projects = new PlanProgressSection { State = Sections.StateOf(planError), Progress = planProgress, Error = planError },
            Parks = new DigitalProgressSection { State = Sections.StateOf(digitalError), Progress = digitalProgress, Error = digitalError },
            ComposeTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
        };
    }

    /// <summary>As the projects service defaults it: 12 for a past year, the current month (China time) for the current year.</summary>
    private int DefaultThroughMonth(int year, int requested)
    {
        if (requested > 0)
        {
            return requested;
        }

        var today = ChinaTime.Today(clock);
        return year < today.Year ? 12 : today.Month;
    }
}
