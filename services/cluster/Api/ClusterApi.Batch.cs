using Grpc.Core;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>Batch methods (AIP-233): the single methods' steps, every item in one write.</summary>
internal sealed partial class ClusterApi
{
    public override Task<Proto.BatchCreateEnterprisesResponse> BatchCreateEnterprises(Proto.BatchCreateEnterprisesRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => enterprises.BatchCreateAsync(w, request.Requests));

    public override Task<Proto.BatchGrantQualificationsResponse> BatchGrantQualifications(Proto.BatchGrantQualificationsRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => enterprises.BatchGrantAsync(w, request.Requests));
}
