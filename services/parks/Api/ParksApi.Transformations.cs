using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Parks.Data;
using Industry.Parks.Writes;
using Industry.ServiceDefaults.Pagination;
using Microsoft.EntityFrameworkCore;
using static Industry.ServiceDefaults.Errors.RequiredFields;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Api;

/// <summary>企业数字化转型: enterprises' transformations in a park, recorded one by one or in bulk (AIP-233); levels only go up.</summary>
internal sealed partial class ParksApi
{
    public override Task<Proto.Transformation> RecordTransformation(Proto.RecordTransformationRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => transformations.RecordAsync(w, request.ToRecord<TransformationReport>()));

    public override Task<Proto.BatchRecordTransformationsResponse> BatchRecordTransformations(Proto.BatchRecordTransformationsRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => transformations.BatchRecordAsync(w, request.Parent, [.. request.Requests.Select(r => r.ToRecord<TransformationReport>())]));

    public override async Task<Proto.Transformation> GetTransformation(Proto.GetTransformationRequest request, ServerCallContext context)
    {
        var id = Transformation.KeyOf(request.Name, "name");
        return (await db.Transformations.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, context.CancellationToken)
            ?? throw ServiceException.NotFound(request.Name)).ToProto();
    }

    public override async Task<Proto.ListTransformationsResponse> ListTransformations(Proto.ListTransformationsRequest request, ServerCallContext context)
    {
        var parkId = ResourceName.Id(request.Parent, Park.Collection, "parent");
        IQueryable<Transformation> query = db.Transformations.AsNoTracking();
        if (parkId != "-")
        {
            if (!await db.Parks.AnyAsync(p => p.Id == parkId, context.CancellationToken))
            {
                throw ServiceException.NotFound(request.Parent);
            }

            query = query.Where(t => t.ParkId == parkId);
        }

        var (page, next) = await pageTokens.ListAsync(query, TransformationListing.Filter, TransformationListing.Order, request, context.CancellationToken);
        return new() { Transformations = { page.Select(t => t.ToProto()) }, NextPageToken = next };
    }

    public override Task<Proto.Transformation> UpdateTransformation(Proto.UpdateTransformationRequest request, ServerCallContext context)
    {
        var requested = Required(request.Transformation, "transformation");
        return writes.RunAsync(request, context, w => transformations.UpdateAsync(w, requested.Name, requested.Etag, requested.EnterpriseDisplayName, requested.Note, request.UpdateMask));
    }

    public override Task<Empty> DeleteTransformation(Proto.DeleteTransformationRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => transformations.DeleteAsync(w, request.Name, request.Etag));
}
