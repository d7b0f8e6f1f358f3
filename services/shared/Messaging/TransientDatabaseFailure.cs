using Npgsql;

namespace Industry.ServiceDefaults.Messaging;

/// <summary>
/// Tells a passing outage of the consumer's own database (fail-over, restart, refused connections) from every other
/// failure, so that only an outage earns the long retries of ADR 0020. EF Core wraps the provider's exception (its
/// execution strategy in <see cref="InvalidOperationException"/>, a save in <c>DbUpdateException</c>), hence the walk
/// down the inner exceptions.
/// </summary>
public static class TransientDatabaseFailure
{
    /// <summary>
    /// <c>57P01</c> (admin shutdown) and <c>57P02</c> (crash shutdown) end every session when a primary is stopped or
    /// promoted away, yet Npgsql does not count them as transient. A missing database (<c>3D000</c>) or refused
    /// credentials (<c>28xxx</c>) are a deployment error that no wait heals: they are not an outage.
    /// </summary>
    private static readonly HashSet<string> ShutdownStates = [PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown];

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case InvalidEventException:
                    return false;
                case PostgresException postgres:
                    return postgres.IsTransient || ShutdownStates.Contains(postgres.SqlState);
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
            }
        }

        return false;
    }
}
