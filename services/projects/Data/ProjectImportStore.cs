using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Messaging.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Industry.Projects.Data;

/// <summary>
/// Storage of an import batch: the projects it creates and revises, and the outbox rows their events added to the
/// context, in one transaction. On PostgreSQL the batch goes as set-based statements over arrays (inserts by
/// <see cref="BulkRows"/>, <c>UPDATE … FROM unnest</c>) in one round trip: EF Core's SaveChanges alone would hold an
/// import under 5,000 rows/s. On SQLite (local runs) it is the ordinary SaveChanges.
/// </summary>
internal static class ProjectImportStore
{
    /// <summary>
    /// The stored projects that have one of <paramref name="codes"/>, and those whose id is the one a code not stored
    /// would take (<paramref name="ids"/>, parallel to the codes). Two look-ups by index, the second for the new codes
    /// alone: as one query (<c>code = ANY(…) OR id = ANY(…)</c>) PostgreSQL planned a sequential scan of every project
    /// for a batch's 500-value arrays (30 ms a batch at 50,000 projects, the import's costliest statement). Untracked
    /// on PostgreSQL, where <see cref="TrySaveAsync"/> writes them itself; tracked elsewhere, for SaveChanges.
    /// </summary>
    public static async Task<List<Project>> ForImportAsync(this ProjectsDbContext db, IReadOnlyList<string> codes, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var projects = db.Database.IsNpgsql() ? db.Projects.AsNoTracking() : db.Projects;
        var stored = await projects.Where(p => codes.Contains(p.ProjectCode)).ToListAsync(cancellationToken);
        var storedCodes = stored.Select(p => p.ProjectCode).ToHashSet(StringComparer.Ordinal);
        var storedIds = stored.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var newIds = ids.Where((id, i) => !storedCodes.Contains(codes[i]) && !storedIds.Contains(id)).ToList();
        if (newIds.Count > 0)
        {
            stored.AddRange(await projects.Where(p => newIds.Contains(p.Id)).ToListAsync(cancellationToken));
        }

        return stored;
    }

    /// <summary>
    /// Stores <paramref name="created"/> (new), <paramref name="revised"/> (each read by <see cref="ForImportAsync"/>
    /// and since revised once, so one version up) and the pending outbox rows, all or nothing. False when a
    /// concurrent write won (a revised project's version moved, or a new code or id was taken meanwhile): nothing
    /// is stored and the caller reads again. Leaves the context empty.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this ProjectsDbContext db, IReadOnlyList<Project> created, IReadOnlyList<Project> revised, CancellationToken cancellationToken)
    {
        try
        {
            if (!db.Database.IsNpgsql())
            {
                db.Projects.AddRange(created);
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }

            var events = db.TakeAddedEvents();
            if (created.Count + revised.Count + events.Count == 0)
            {
                return true;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction)transaction.GetDbTransaction());
            var projectType = db.Model.FindEntityType(typeof(Project))!;
            var update = Update(projectType, revised);
            foreach (var command in new[] { BulkRows.Insert(projectType, created), MoveCityTotals(revised), update, OutboxRows.InsertCommand(db, events) }.OfType<NpgsqlBatchCommand>())
            {
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            if (update is not null && update.RecordsAffected != revised.Count)
            {
                return false; // rolled back when the transaction is disposed uncommitted
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (IsConcurrentWrite(ex))
        {
            return false;
        }
        finally
        {
            // Nothing outlives the batch: memory stays flat however long the sheet, and a retry starts clean.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The per-city monthly totals of the revised projects that change city (a county in another city): their stored
    /// approved reports leave the old city for the new one, as <see cref="CityInvestmentTotals"/> does for a SaveChanges. Runs
    /// before the update, while the old city is stored; a lost race rolls it back with the rest.
    /// </summary>
    private static NpgsqlBatchCommand? MoveCityTotals(IReadOnlyList<Project> revised)
    {
        if (revised.Count == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand(CityInvestmentTotals.Into + """
            SELECT m.city_code, r.year, r.month, CAST(SUM(r.completed_investment_yuan * m.sign) AS bigint)
            FROM unnest(@ids::text[], @cities::text[]) AS u(id, city_code)
            JOIN projects p ON p.id = u.id AND p.city_code <> u.city_code
            CROSS JOIN LATERAL (VALUES (p.city_code, -1), (u.city_code, 1)) AS m(city_code, sign)
            JOIN investment_reports r ON r.project_id = p.id AND r.review_state = @approved
            GROUP BY m.city_code, r.year, r.month
            """ + CityInvestmentTotals.OnConflictAdd);
        command.Parameters.Add(new NpgsqlParameter("approved", (int)ReviewState.Approved));
        command.Parameters.Add(new NpgsqlParameter("ids", revised.Select(p => p.Id).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("cities", revised.Select(p => p.CityCode).ToArray()));
        return command;
    }

    /// <summary>
    /// <c>UPDATE t SET c = u.c, … FROM unnest(…) AS u(…) WHERE t.key = u.key AND t.version = u.version - 1</c>: every
    /// column of the revised projects, guarded by the version each was read at (the row count tells a lost race).
    /// </summary>
    private static NpgsqlBatchCommand? Update(IEntityType type, IReadOnlyList<Project> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var columns = BulkRows.Columns(type).ToList();
        var key = BulkRows.Column(type.FindPrimaryKey()!.Properties.Single());
        var version = BulkRows.Column(type.FindProperty(nameof(Project.Version))!);
        var command = new NpgsqlBatchCommand();
        var arrays = columns.Select((p, i) => BulkRows.ArrayParameter(command, i, p, rows)).ToList();
        var names = columns.Select(BulkRows.Column).ToList();
        command.CommandText = $"""
            UPDATE {BulkRows.Table(type)} AS t SET {string.Join(", ", names.Where(n => n != key).Select(n => $"{n} = u.{n}"))}
            FROM unnest({string.Join(", ", arrays)}) AS u({string.Join(", ", names)})
            WHERE t.{key} = u.{key} AND t.{version} = u.{version} - 1
            """;
        return command;
    }

    private static bool IsConcurrentWrite(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => true,
        DbUpdateException { InnerException: SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } } => true, // UNIQUE, PRIMARY KEY
        _ => false,
    };
}
