using Industry.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Industry.ServiceDefaults.Hosting;

/// <summary>Creates a service's web application builder the same way for every process.</summary>
public static class ServiceHost
{
    /// <summary>
    /// The content root is the application's own folder, not the working directory, so that appsettings.json is
    /// found whether the process is started by <c>dotnet run</c>, the run script, a test fixture or a container.
    /// </summary>
    /// <remarks><c>--deploy-topology</c> is noted here, before any service registers its bus (<see cref="BusTopology"/>).</remarks>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (DeployTopologyCommand.IsRequested(args))
        {
            ((IHostApplicationBuilder)builder).Properties[BusTopology.DeployOnlyProperty] = true;
        }

        return builder;
    }
}
