using Grpc.Core;
using Industry.Parks.Messaging;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Api;

/// <summary>The republication of the service's state as snapshot events, for consumers that start late (ADR 0042).</summary>
internal sealed partial class ParksApi
{
    public override Task<Proto.RepublishStateResponse> RepublishState(Proto.RepublishStateRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, async w => new Proto.RepublishStateResponse
        {
            RepublishedTypes = { await republisher.RepublishAsync(w, ParkSnapshots.Of(db), request.ResourceTypes) },
        });
}
