using Grpc.Core;
using Industry.Clusters.Messaging;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>The republication of the service's state as snapshot events, for consumers that start late (ADR 0042).</summary>
internal sealed partial class ClusterApi
{
    public override Task<Proto.RepublishStateResponse> RepublishState(Proto.RepublishStateRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, async w => new Proto.RepublishStateResponse
        {
            RepublishedTypes = { await republisher.RepublishAsync(w, ClusterSnapshots.Of(db), request.ResourceTypes) },
        });
}
