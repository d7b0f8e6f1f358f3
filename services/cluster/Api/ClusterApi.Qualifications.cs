using Grpc.Core;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>资质认定: granting (one, or a batch in one write), re-reviewing and revoking an enterprise's qualifications, along the cultivation ladder.</summary>
internal sealed partial class ClusterApi
{
    public override Task<Proto.Enterprise> GrantQualification(Proto.GrantQualificationRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => enterprises.GrantAsync(w, request));

    public override Task<Proto.BatchGrantQualificationsResponse> BatchGrantQualifications(Proto.BatchGrantQualificationsRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => enterprises.BatchGrantAsync(w, request.Requests));

    public override Task<Proto.Enterprise> RevokeQualification(Proto.RevokeQualificationRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => enterprises.RevokeQualificationAsync(w, request.Name, request.Etag, (QualificationType)request.Type, request.Reason));

    public override Task<Proto.Enterprise> ReviewQualification(Proto.ReviewQualificationRequest request, ServerCallContext context) =>
        writes.RunAsync(request, context, w => enterprises.ReviewQualificationAsync(w, request));
}
