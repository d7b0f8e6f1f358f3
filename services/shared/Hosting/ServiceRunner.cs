using Industry.ServiceDefaults.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Industry.ServiceDefaults.Hosting;

/// <summary>
/// How every service process runs: migrate (on start-up, or only that with <c>--migrate</c>), then serve; or only
/// deploy the broker topology (<c>--deploy-topology</c>).
/// </summary>
public static class ServiceRunner
{
    /// <summary>
    /// <c>--migrate</c>: apply the database migrations and exit (the Kubernetes migration Job); <c>outbox …</c> and
    /// <c>errors …</c>, the operator's outbox and error-queue commands (<see cref="OutboxCommand"/>,
    /// <see cref="ErrorsCommand"/>), and <c>--deploy-topology</c> (<see cref="DeployTopologyCommand"/>) exit too.
    /// Otherwise migrate first when <c>Database:MigrateOnStartup</c> is true (the default), then serve until SIGTERM.
    /// </summary>
    public static async Task RunServiceAsync(this WebApplication app, string[] args)
    {
        if (OutboxCommand.IsRequested(args))
        {
            Environment.ExitCode = await OutboxCommand.RunAsync(app, args).ConfigureAwait(false);
            return;
        }

        if (DeployTopologyCommand.IsRequested(args))
        {
            Environment.ExitCode = await DeployTopologyCommand.RunAsync(app).ConfigureAwait(false);
            return;
        }

        if (ErrorsCommand.IsRequested(args))
        {
            Environment.ExitCode = await ErrorsCommand.RunAsync(app, args, Console.Out, Console.Error).ConfigureAwait(false);
            return;
        }

        var migrator = app.Services.GetService<IDatabaseMigrator>();
        if (args.Contains("--migrate", StringComparer.Ordinal))
        {
            if (migrator is not null)
            {
                await migrator.MigrateAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
            }

            return;
        }

        if (migrator is not null && app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await migrator.MigrateAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
        }

        await app.RunAsync().ConfigureAwait(false);
    }
}
