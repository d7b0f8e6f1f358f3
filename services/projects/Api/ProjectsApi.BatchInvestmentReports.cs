using Grpc.Core;
using Industry.ServiceDefaults.Api;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Resources;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>月度调度, in bulk (AIP-233): ReportInvestment's step for every item, in one transaction.</summary>
internal sealed partial class ProjectsApi
{
    public override async Task<Proto.BatchReportInvestmentsResponse> BatchReportInvestments(Proto.BatchReportInvestmentsRequest request, ServerCallContext context)
    {
        ResourceName.Id(request.Parent, "projects", "parent");
        var actor = Actor.Of(context);
        var reports = await BatchItems.ApplyAsync(
            db,
            request.Requests,
            (item, _) => ReportAsync(item, BatchItems.Parent(request.Parent, item.Parent), actor, context),
            context.CancellationToken);
        return new Proto.BatchReportInvestmentsResponse { InvestmentReports = { reports } };
    }
}
