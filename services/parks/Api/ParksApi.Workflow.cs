using Grpc.Core;
using Industry.Parks.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Resources;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Api;

/// <summary>The certification workflow: SubmitPark → CertifyPark or RejectPark; RevokePark. Each idempotent by request_id.</summary>
internal sealed partial class ParksApi
{
    public override Task<Proto.Park> SubmitPark(Proto.SubmitParkRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => MoveAsync(request.Name, request.Etag, context, (park, now, actor) =>
        {
            var previous = park.State;
            park.Submit(now, actor);
            return new Proto.ParkSubmitted { Park = park.ToProto(), PreviousState = (Proto.ParkState)previous };
        }));

    public override Task<Proto.Park> CertifyPark(Proto.CertifyParkRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () =>
        {
            var violations = ParkRules.CheckCertification(request.Year, request.Batch, CurrentYear);
            return violations.Count > 0
                ? throw ServiceException.InvalidArgument(violations)
                : MoveAsync(request.Name, request.Etag, context, (park, now, actor) =>
                {
                    park.Certify(request.Year, request.Batch, now, actor);
                    return new Proto.ParkCertified { Park = park.ToProto() };
                });
        });

    public override Task<Proto.Park> RejectPark(Proto.RejectParkRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () =>
        {
            var reason = RequireReason(request.Reason);
            return MoveAsync(request.Name, request.Etag, context, (park, now, actor) =>
            {
                park.Reject(reason, now, actor);
                return new Proto.ParkRejected { Park = park.ToProto() };
            });
        });

    public override Task<Proto.Park> RevokePark(Proto.RevokeParkRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () =>
        {
            var reason = RequireReason(request.Reason);
            return MoveAsync(request.Name, request.Etag, context, (park, now, actor) =>
            {
                park.Revoke(reason, now, actor);
                return new Proto.ParkRevoked { Park = park.ToProto() };
            });
        });

    private static string RequireReason(string reason)
    {
        var trimmed = reason.Trim();
        return ParkRules.ReasonProblem(trimmed) is { } problem ? throw ServiceException.InvalidArgument("reason", problem) : trimmed;
    }

    /// <summary>Loads the park, checks its etag, applies one workflow step and stores it with its event and the call's response.</summary>
    private async Task<Proto.Park> MoveAsync<TEvent>(string name, string etag, ServerCallContext context, Func<Park, DateTime, string, TEvent> step)
        where TEvent : Google.Protobuf.IMessage<TEvent>
    {
        var park = await FindParkForWriteAsync(name, "name", context);
        Etag.Require(etag, park.Version, park.Name);

        var actor = Actor.Of(context);
        var @event = step(park, Now, actor);
        var proto = park.ToProto();
        outbox.Add(@event, park.Name, park.Version, actor);
        idempotency.Record(proto);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }
}
