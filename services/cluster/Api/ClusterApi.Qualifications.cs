using Grpc.Core;
using Industry.Clusters.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Resources;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>资质认定: granting and revoking an enterprise's qualifications, along the cultivation ladder.</summary>
internal sealed partial class ClusterApi
{
    public override Task<Proto.Enterprise> GrantQualification(Proto.GrantQualificationRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => GrantQualificationOnceAsync(request, context));

    private async Task<Proto.Enterprise> GrantQualificationOnceAsync(Proto.GrantQualificationRequest request, ServerCallContext context)
    {
        var proto = await GrantAsync(request, Actor.Of(context), context.CancellationToken);
        idempotency.Record(proto);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }

    /// <summary>Validates one grant and applies it, with its <c>EnterpriseQualified</c>, to the pending changes (GrantQualification and its batch).</summary>
    private async Task<Proto.Enterprise> GrantAsync(Proto.GrantQualificationRequest request, string actor, CancellationToken cancellationToken)
    {
        var type = (QualificationType)request.Type;
        var violations = QualificationLadder.CheckGrant(type, request.Year, ChinaTime.Today(clock).Year);
        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        var enterprise = await FindEnterpriseAsync(request.Name, "name", tracking: true, cancellationToken);
        Etag.Require(request.Etag, enterprise.Version, enterprise.Name);

        var qualification = enterprise.Grant(type, request.Year, Now, actor);
        var proto = enterprise.ToProto();
        outbox.Add(new Proto.EnterpriseQualified { Enterprise = proto, Qualification = qualification.ToProto() }, enterprise.Name, enterprise.Version, actor);
        return proto;
    }

    public override Task<Proto.Enterprise> RevokeQualification(Proto.RevokeQualificationRequest request, ServerCallContext context) =>
        idempotency.RunAsync(request, context, () => RevokeQualificationOnceAsync(request, context));

    private async Task<Proto.Enterprise> RevokeQualificationOnceAsync(Proto.RevokeQualificationRequest request, ServerCallContext context)
    {
        var type = (QualificationType)request.Type;
        var reason = request.Reason.Trim();
        var violations = new List<FieldViolation>();
        if (!Enum.IsDefined(type))
        {
            violations.Add(new("type", $"must be a qualification type; {QualificationLadder.ApiName(type)} is not."));
        }

        if (EnterpriseRules.ReasonProblem(reason) is { } problem)
        {
            violations.Add(new("reason", problem));
        }

        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        var enterprise = await FindEnterpriseAsync(request.Name, "name", tracking: true, context.CancellationToken);
        Etag.Require(request.Etag, enterprise.Version, enterprise.Name);

        var actor = Actor.Of(context);
        var revoked = enterprise.Revoke(type, Now, actor);
        var proto = enterprise.ToProto();
        outbox.Add(
            new Proto.QualificationRevoked { Enterprise = proto, Qualification = revoked.ToProto(), Reason = reason },
            enterprise.Name,
            enterprise.Version,
            actor);
        idempotency.Record(proto);
        await db.SaveChangesAsync(context.CancellationToken);
        return proto;
    }
}
