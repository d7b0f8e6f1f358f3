using Grpc.Core;
using Industry.ServiceDefaults.Api;
using Industry.ServiceDefaults.Hosting;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>Batch methods (AIP-233): the single methods' steps, every item in one transaction.</summary>
internal sealed partial class ClusterApi
{
    public override async Task<Proto.BatchCreateEnterprisesResponse> BatchCreateEnterprises(Proto.BatchCreateEnterprisesRequest request, ServerCallContext context)
    {
        var actor = Actor.Of(context);
        var created = await BatchItems.ApplyAsync(db, request.Requests, (item, _) => AddEnterpriseAsync(item, actor, context.CancellationToken), context.CancellationToken);
        return new Proto.BatchCreateEnterprisesResponse { Enterprises = { created } };
    }

    public override async Task<Proto.BatchGrantQualificationsResponse> BatchGrantQualifications(Proto.BatchGrantQualificationsRequest request, ServerCallContext context)
    {
        var actor = Actor.Of(context);
        var granted = await BatchItems.ApplyAsync(db, request.Requests, (item, _) => GrantAsync(item, actor, context.CancellationToken), context.CancellationToken);
        return new Proto.BatchGrantQualificationsResponse { Enterprises = { granted } };
    }
}
