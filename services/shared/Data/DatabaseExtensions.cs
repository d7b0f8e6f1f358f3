using Industry.ServiceDefaults.Health;
using Industry.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Industry.ServiceDefaults.Data;

/// <summary>
/// Registers a service's DbContext on SQLite or PostgreSQL, chosen by <c>ConnectionStrings:&lt;service&gt;</c>.
/// Each provider has its own derived context type (<c>TSqlite</c>, <c>TPostgres</c>)
/// so that each keeps its own migrations (EF Core migrations are provider-specific); the rest of the service only
/// ever sees <c>TContext</c>. See docs/adr/0003-two-database-providers.md.
/// </summary>
public static class DatabaseExtensions
{
    /// <summary>
    /// Contexts come from a pool: MassTransit creates a consumer (and its context) per message and ASP.NET Core a context
    /// per call. Rebuilding the options each time cost about a tenth of the event pipeline's CPU, and building each
    /// context's internal services about a seventh of GetProject's (docs/benchmarks.md, "Cost per call"); a pooled
    /// context is reset when its scope ends. The suite's contexts hold no state of their own, which pooling requires.
    /// </summary>
    private const int PoolSize = 1024;

    public static WebApplicationBuilder AddServiceDatabase<TContext, TSqlite, TPostgres>(this WebApplicationBuilder builder, ServiceIdentity identity)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var connectionString = builder.Configuration.GetConnectionString(identity.Name) ?? $"Data Source={identity.Name}.db";
        var provider = DatabaseProviders.Detect(connectionString);
        if (provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContextPool<TContext, TPostgres>(o => o.UseServiceDatabase(provider, connectionString), PoolSize);
        }
        else
        {
            connectionString = RootSqlitePath(connectionString, builder.Environment.ContentRootPath);
            builder.Services.AddDbContextPool<TContext, TSqlite>(o => o.UseServiceDatabase(provider, connectionString), PoolSize);
        }

        // Shared plumbing (outbox, inbox) works on "the service's context" without knowing its type.
        builder.Services.AddScoped<DbContext>(sp => sp.GetRequiredService<TContext>());
        builder.Services.AddSingleton(new DatabaseInfo(provider));
        builder.Services.AddSingleton<IDatabaseMigrator, DatabaseMigrator<TContext>>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database", tags: [HealthExtensions.Ready]);
        return builder;
    }

    /// <summary>The provider and conventions every context of the suite uses (snake_case names on both engines; SQLite without an fsync per commit).</summary>
    public static DbContextOptionsBuilder UseServiceDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString).AddInterceptors(SqliteSynchronousNormal.Instance);
        }

        options.UseSnakeCaseNamingConvention();
        return options;
    }

    /// <summary>A relative SQLite file is placed under the content root (not the working directory), and its folder created.</summary>
    private static string RootSqlitePath(string connectionString, string contentRoot)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (sqlite.DataSource != ":memory:")
        {
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        }

        return sqlite.ConnectionString;
    }
}

/// <summary>The provider chosen at start-up, for the few queries that must differ (row locking, upserts).</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider);

/// <summary>Options for a provider-specific context outside dependency injection (design-time tools, tests).</summary>
public static class ServiceDatabaseOptions
{
    public static DbContextOptions<T> For<T>(DatabaseProvider provider, string connectionString)
        where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        options.UseServiceDatabase(provider, connectionString);
        return options.Options;
    }
}
