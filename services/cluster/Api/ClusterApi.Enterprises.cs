using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Clusters.Data;
using Industry.ServiceDefaults.Pagination;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>
/// The enterprise resource: standard methods and the batch create (AIP-233: the single method's steps, every item in
/// one write); its qualifications and memberships have their own files.
/// </summary>
internal sealed partial class ClusterApi
{
    public override async Task<Proto.Enterprise> GetEnterprise(Proto.GetEnterpriseRequest request, ServerCallContext context)
    {
        var uscc = ResourceName.Id(request.Name, Enterprise.Collection, "name").ToUpperInvariant();
        return (await WithQualificationsAndMemberships().SingleOrDefaultAsync(e => e.Uscc == uscc, context.CancellationToken)
            ?? throw ServiceException.NotFound(Enterprise.Collection + "/" + uscc)).ToProto();
    }

    public override async Task<Proto.ListEnterprisesResponse> ListEnterprises(Proto.ListEnterprisesRequest request, ServerCallContext context)
    {
        // The page first, then its qualifications and memberships by key, fixed up by the change tracker. Not Include: a
        // split query repeats the page's filter (and its joins) for each collection, and orders the page by the joined
        // rows' keys too, which no index serves.
        var (page, next) = await pageTokens.ListAsync(db.Enterprises, EnterpriseListing.Filter, EnterpriseListing.Order, request, context.CancellationToken);
        var usccs = page.Select(e => e.Uscc).ToList();
        await db.Qualifications.Where(q => usccs.Contains(q.Uscc)).LoadAsync(context.CancellationToken);
        await db.ClusterMembers.Where(m => usccs.Contains(m.Uscc)).LoadAsync(context.CancellationToken);
        return new() { Enterprises = { page.Select(e => e.ToProto()) }, NextPageToken = next };
    }

    public override Task<Proto.Enterprise> CreateEnterprise(Proto.CreateEnterpriseRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => enterprises.CreateAsync(w, request.Enterprise));

    public override Task<Proto.BatchCreateEnterprisesResponse> BatchCreateEnterprises(Proto.BatchCreateEnterprisesRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => enterprises.BatchCreateAsync(w, request.Requests));

    public override Task<Proto.Enterprise> UpdateEnterprise(Proto.UpdateEnterpriseRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => enterprises.UpdateAsync(w, request.Enterprise, request.UpdateMask));

    public override Task<Empty> DeleteEnterprise(Proto.DeleteEnterpriseRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => enterprises.DeleteAsync(w, request.Name, request.Etag));

    private IQueryable<Enterprise> WithQualificationsAndMemberships() =>
        db.Enterprises.AsNoTracking().Include(e => e.Qualifications).Include(e => e.Memberships).AsSplitQuery();
}
