using Grpc.Core;
using Industry.Parks.Domain;
using Industry.ServiceDefaults.Api;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Resources;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Api;

/// <summary>企业数字化转型, in bulk (AIP-233): RecordTransformation's step for every item, in one transaction.</summary>
internal sealed partial class ParksApi
{
    public override async Task<Proto.BatchRecordTransformationsResponse> BatchRecordTransformations(Proto.BatchRecordTransformationsRequest request, ServerCallContext context)
    {
        ResourceName.Id(request.Parent, Park.Collection, "parent");
        var actor = Actor.Of(context);
        var recorded = await BatchItems.ApplyAsync(
            db,
            request.Requests,
            async (item, _) => (await RecordAsync(item, BatchItems.Parent(request.Parent, item.Parent), actor, context)).Transformation,
            context.CancellationToken);
        return new Proto.BatchRecordTransformationsResponse { Transformations = { recorded } };
    }
}
