using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Industry.ServiceDefaults.Data;

/// <summary>Applies a service's migrations.</summary>
public interface IDatabaseMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Applies the migrations of <typeparamref name="TContext"/>. EF Core takes a database-wide migration lock, so
/// replicas starting together do not race; production may still run it once as a Job (<c>--migrate</c>).
/// </summary>
internal sealed partial class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TContext>> logger) : IDatabaseMigrator
    where TContext : DbContext
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (db.Database.GetDbConnection() is SqliteConnection)
        {
            // WAL lets readers proceed while the outbox relay or a handler writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        LogMigrated(logger, typeof(TContext).Name, pending.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context} is up to date ({Applied} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, string context, int applied);
}
