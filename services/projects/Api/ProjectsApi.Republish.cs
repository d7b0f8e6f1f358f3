using Grpc.Core;
using Industry.Projects.Messaging;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>The republication of the service's state as snapshot events, for consumers that start late (ADR 0042).</summary>
internal sealed partial class ProjectsApi
{
    public override Task<Proto.RepublishStateResponse> RepublishState(Proto.RepublishStateRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, async w => new Proto.RepublishStateResponse
        {
            RepublishedTypes = { await republisher.RepublishAsync(w, ProjectSnapshots.Of(db), request.ResourceTypes) },
        });
}
