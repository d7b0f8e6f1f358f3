using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Industry.ServiceDefaults.Data;

/// <summary>
/// <c>PRAGMA synchronous=NORMAL</c> on every SQLite connection the suite opens (the setting is per connection). In WAL
/// mode a commit then no longer waits for an fsync, only checkpoints do: a commit survives a crash of the process (it
/// is in the WAL file) and the database is never corrupted, but the last commits may be lost if the machine itself
/// loses power. SQLite is the single-machine development and demo provider (ADR 0003); production runs PostgreSQL.
/// </summary>
internal sealed class SqliteSynchronousNormal : DbConnectionInterceptor
{
    public static readonly SqliteSynchronousNormal Instance = new();

    private const string Pragma = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
