using Microsoft.AspNetCore.Builder;

namespace Industry.ServiceDefaults.Hosting;

/// <summary>Creates a service's web application builder the same way for every process.</summary>
public static class ServiceHost
{
    /// <summary>
    /// The content root is the application's own folder, not the working directory, so that appsettings.json is
    /// found whether the process is started by <c>dotnet run</c>, the run script, a test fixture or a container.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) => WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = AppContext.BaseDirectory,
    });
}
