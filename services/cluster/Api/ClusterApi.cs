using Grpc.Core;
using Industry.Clusters.Data;
using Industry.Clusters.V1;
using Industry.Clusters.Writes;
using Industry.ServiceDefaults.Messaging.Snapshots;
using Industry.ServiceDefaults.Pagination;

namespace Industry.Clusters.Api;

/// <summary>
/// <c>industry.clusters.v1.ClusterService</c>: thin endpoints that map the request to a read or to a write handler
/// (run on the write pipeline) and its result back.
/// </summary>
internal sealed partial class ClusterApi(
    ClusterDbContext db,
    PageTokenCodec pageTokens,
    WritePipeline writes,
    ClusterTargetsWrites targets,
    ClusterWrites clusters,
    EnterpriseWrites enterprises,
    ClusterMemberWrites members,
    RevenueReportWrites revenueReports,
    PerMuEvaluationWrites perMuEvaluations,
    StateRepublisher republisher) : ClusterService.ClusterServiceBase
{
    public override Task<Clusters.V1.Industry> GetIndustry(GetIndustryRequest request, ServerCallContext context)
    {
        var code = ResourceName.Id(request.Name, "industries");
        var industry = Industries.Find(code) ?? throw ServiceException.NotFound(request.Name);
        return Task.FromResult(industry.ToProto());
    }

    public override Task<ListIndustriesResponse> ListIndustries(ListIndustriesRequest request, ServerCallContext context)
    {
        // Reference data in published order: the position is the keyset.
        var (page, next) = pageTokens.Page(Industries.All, request.PageSize, request.PageToken, PageTokenCodec.Scope(nameof(ListIndustries)));
        return Task.FromResult(new ListIndustriesResponse { Industries = { page.Select(i => i.ToProto()) }, NextPageToken = next, TotalSize = Industries.All.Count });
    }
}
