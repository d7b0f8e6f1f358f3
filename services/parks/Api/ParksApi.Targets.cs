using Grpc.Core;
using static Industry.ServiceDefaults.Errors.RequiredFields;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Api;

/// <summary>数字化转型年度目标: the year's targets, listed latest first and set by an upsert.</summary>
internal sealed partial class ParksApi
{
    public override async Task<Proto.DigitalTargets> GetDigitalTargets(Proto.GetDigitalTargetsRequest request, ServerCallContext context) =>
        (await db.DigitalTargets.GetTargetsAsync(Domain.DigitalTargets.Collection, request.Name, context.CancellationToken)).ToProto();

    public override async Task<Proto.ListDigitalTargetsResponse> ListDigitalTargets(Proto.ListDigitalTargetsRequest request, ServerCallContext context)
    {
        var (page, next, total) = await pageTokens.ListTargetsAsync(db.DigitalTargets, request, context.CancellationToken);
        return new() { DigitalTargets = { page.Select(t => t.ToProto()) }, NextPageToken = next, TotalSize = total };
    }

    public override Task<Proto.DigitalTargets> UpdateDigitalTargets(Proto.UpdateDigitalTargetsRequest request, ServerCallContext context)
    {
        var requested = Required(request.DigitalTargets, "digital_targets");
        var update = new TargetsUpdate<Domain.DigitalTargetsDraft>("digital_targets", requested.Name, requested.Etag, requested.ToDraft(), request.UpdateMask, request.AllowMissing);
        return writes.RunAsync(request, context, w => targets.UpdateAsync(w, update));
    }
}
