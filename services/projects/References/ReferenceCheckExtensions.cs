using Industry.Clusters.V1;
using Industry.Parks.V1;
using Industry.ServiceDefaults.ServiceClients;

namespace Industry.Projects.References;

/// <summary>
/// The clients of the cluster and parks services that check project references, from <c>Services:cluster</c> and
/// <c>Services:parks</c> (<c>Address</c>, <c>DeadlineSeconds</c>; docs/architecture.md).
/// </summary>
internal static class ReferenceCheckExtensions
{
    public static WebApplicationBuilder AddReferenceChecks(this WebApplicationBuilder builder)
    {
        builder.AddServiceGrpcClient<ClusterService.ClusterServiceClient>("cluster");
        builder.AddServiceGrpcClient<ParkService.ParkServiceClient>("parks");
        builder.Services.AddSingleton(new ReferenceCheckOptions(
            GrpcClientExtensions.DeadlineOf(builder.Configuration, "cluster"),
            GrpcClientExtensions.DeadlineOf(builder.Configuration, "parks")));
        builder.Services.AddTransient<IReferenceChecker, GrpcReferenceChecker>();
        return builder;
    }
}
