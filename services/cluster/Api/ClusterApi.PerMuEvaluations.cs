using Grpc.Core;
using Industry.Clusters.Data;
using Industry.ServiceDefaults.Pagination;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>亩均效益评价: an enterprise's per-mu evaluation per year, listed by enterprise or across the province.</summary>
internal sealed partial class ClusterApi
{
    public override Task<Proto.PerMuEvaluation> CreatePerMuEvaluation(Proto.CreatePerMuEvaluationRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => perMuEvaluations.CreateAsync(w, request.Parent, request.PerMuEvaluation));

    public override async Task<Proto.PerMuEvaluation> GetPerMuEvaluation(Proto.GetPerMuEvaluationRequest request, ServerCallContext context)
    {
        var (uscc, year) = PerMuEvaluation.ParseName(request.Name);
        var evaluation = await db.PerMuEvaluations.AsNoTracking().SingleOrDefaultAsync(e => e.Uscc == uscc && e.Year == year, context.CancellationToken)
            ?? throw ServiceException.NotFound(request.Name);
        return evaluation.ToProto();
    }

    public override async Task<Proto.ListPerMuEvaluationsResponse> ListPerMuEvaluations(Proto.ListPerMuEvaluationsRequest request, ServerCallContext context)
    {
        var uscc = ResourceName.Id(request.Parent, Enterprise.Collection, "parent").ToUpperInvariant();
        var query = uscc == "-" ? db.PerMuEvaluations.AsNoTracking() : db.PerMuEvaluations.AsNoTracking().Where(e => e.Uscc == uscc);
        var (page, next) = await pageTokens.ListAsync(query, PerMuEvaluationListing.Filter, PerMuEvaluationListing.Order, request, context.CancellationToken);
        if (page.Count == 0 && uscc != "-" && !await db.Enterprises.AnyAsync(e => e.Uscc == uscc, context.CancellationToken))
        {
            throw ServiceException.NotFound(request.Parent);
        }

        return new() { PerMuEvaluations = { page.Select(e => e.ToProto()) }, NextPageToken = next };
    }

    public override Task<Proto.PerMuEvaluation> UpdatePerMuEvaluation(Proto.UpdatePerMuEvaluationRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => perMuEvaluations.UpdateAsync(w, request.PerMuEvaluation, request.UpdateMask));
}
