using Industry.ServiceDefaults.ServiceClients;
using ClustersV1 = Industry.Clusters.V1;
using ParksV1 = Industry.Parks.V1;
using ProjectsV1 = Industry.Projects.V1;

namespace Industry.Gateway.Overview;

/// <summary>
/// Hosts <c>OverviewService</c> (the province overview and the enterprise profiles) in the gateway with clients of the three services. A client's address is
/// <c>Services:&lt;name&gt;:Address</c> (e.g. <c>dns:///projects:7002</c> to balance over every pod), by default the first
/// destination of the proxy's cluster of the same name, so that one setting points both at a service.
/// </summary>
internal static class OverviewExtensions
{
    private static readonly string[] ServiceNames = ["cluster", "projects", "parks"];

    public static WebApplicationBuilder AddProvinceOverview(this WebApplicationBuilder builder)
    {
        var defaults = new Dictionary<string, string?>();
        foreach (var name in ServiceNames)
        {
            if (string.IsNullOrEmpty(builder.Configuration[$"Services:{name}:Address"]))
            {
                defaults[$"Services:{name}:Address"] = builder.Configuration
                    .GetSection($"ReverseProxy:Clusters:{name}:Destinations").GetChildren().Select(d => d["Address"]).FirstOrDefault();
            }
        }

        builder.Configuration.AddInMemoryCollection(defaults);
        builder.AddServiceGrpcClient<ClustersV1.ClusterService.ClusterServiceClient>("cluster");
        builder.AddServiceGrpcClient<ProjectsV1.ProjectService.ProjectServiceClient>("projects");
        builder.AddServiceGrpcClient<ParksV1.ParkService.ParkServiceClient>("parks");
        builder.Services.AddSingleton<OverviewDeadlines>();
        builder.Services.AddSingleton<Sections>();
        builder.Services.AddScoped<EnterpriseProfiles>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication MapProvinceOverview(this WebApplication app)
    {
        app.MapGrpcService<OverviewApi>().EnableGrpcWeb();
        return app;
    }
}
