using Industry.ServiceDefaults.Messaging.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Industry.Projects.Data;

/// <summary>
/// Storage of an import batch: the projects it creates and revises, and the outbox rows their events added to the
/// context, in one transaction. On PostgreSQL the batch goes as three set-based statements over arrays
/// (<c>INSERT … SELECT FROM unnest</c>, <c>UPDATE … FROM unnest</c>) in one round trip: EF Core's SaveChanges costs
/// about 0.2 ms of CPU per entity on this hardware, which alone would hold an import under 5,000 rows/s. The
/// statements are built from the EF model (table, columns, column types, value converters), so they follow the
/// migrations. On SQLite (local runs) it is the ordinary SaveChanges.
/// </summary>
internal static class ProjectImportStore
{
    /// <summary>
    /// The stored projects that have one of <paramref name="codes"/> or one of <paramref name="ids"/> (the ids new rows
    /// would take), in one query over the unique code index and the key. Untracked on PostgreSQL, where
    /// <see cref="TrySaveAsync"/> writes them itself; tracked elsewhere, for SaveChanges.
    /// </summary>
    public static Task<List<Project>> ForImportAsync(this ProjectsDbContext db, IReadOnlyCollection<string> codes, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var projects = db.Database.IsNpgsql() ? db.Projects.AsNoTracking() : db.Projects;
        return projects.Where(p => codes.Contains(p.ProjectCode) || ids.Contains(p.Id)).ToListAsync(cancellationToken);
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

            var events = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            if (created.Count + revised.Count + events.Count == 0)
            {
                return true;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction)transaction.GetDbTransaction());
            var projectType = db.Model.FindEntityType(typeof(Project))!;
            var update = Update(projectType, revised);
            foreach (var command in new[] { Insert(projectType, created), MoveCityTotals(revised), update, Insert(db.Model.FindEntityType(typeof(OutboxMessage))!, events) }.OfType<NpgsqlBatchCommand>())
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

    /// <summary><c>INSERT INTO t (c…) SELECT * FROM unnest(@p0::type[], …)</c> of every column the database does not generate.</summary>
    private static NpgsqlBatchCommand? Insert<T>(IEntityType type, IReadOnlyList<T> rows)
        where T : class
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var columns = Columns(type).Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        var command = new NpgsqlBatchCommand();
        var arrays = columns.Select((p, i) => Parameter(command, i, p, rows)).ToList();
        command.CommandText = $"INSERT INTO {Table(type)} ({string.Join(", ", columns.Select(Column))}) SELECT * FROM unnest({string.Join(", ", arrays)})";
        return command;
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

        var columns = Columns(type).ToList();
        var key = Column(type.FindPrimaryKey()!.Properties.Single());
        var version = Column(type.FindProperty(nameof(Project.Version))!);
        var command = new NpgsqlBatchCommand();
        var arrays = columns.Select((p, i) => Parameter(command, i, p, rows)).ToList();
        var names = columns.Select(Column).ToList();
        command.CommandText = $"""
            UPDATE {Table(type)} AS t SET {string.Join(", ", names.Where(n => n != key).Select(n => $"{n} = u.{n}"))}
            FROM unnest({string.Join(", ", arrays)}) AS u({string.Join(", ", names)})
            WHERE t.{key} = u.{key} AND t.{version} = u.{version} - 1
            """;
        return command;
    }

    /// <summary>The mapped columns of a table (not shadow or owned ones: a project has none).</summary>
    private static IEnumerable<IProperty> Columns(IEntityType type) => type.GetProperties().Where(p => !p.IsShadowProperty());

    /// <summary>One array parameter holding <paramref name="property"/>'s column for every row, as the column's provider type.</summary>
    private static string Parameter<T>(NpgsqlBatchCommand command, int index, IProperty property, IReadOnlyList<T> rows)
        where T : class
    {
        var converter = property.GetTypeMapping().Converter;
        var elementType = converter?.ProviderClrType ?? property.ClrType;
        if (property.IsNullable && elementType.IsValueType && Nullable.GetUnderlyingType(elementType) is null)
        {
            elementType = typeof(Nullable<>).MakeGenericType(elementType);
        }

        var getter = property.GetGetter();
        var values = Array.CreateInstance(elementType, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var value = getter.GetClrValue(rows[i]);
            values.SetValue(value is not null && converter is not null ? converter.ConvertToProvider(value) : value, i);
        }

        var name = "p" + index;
        command.Parameters.Add(new NpgsqlParameter(name, values));
        return $"@{name}::{property.GetColumnType()}[]";
    }

    private static string Table(IEntityType type) => Quote(type.GetTableName()!);

    private static string Column(IProperty property) =>
        Quote(property.GetColumnName(StoreObjectIdentifier.Table(property.DeclaringType.ContainingEntityType.GetTableName()!, null))!);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static bool IsConcurrentWrite(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => true,
        DbUpdateException { InnerException: SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } } => true, // UNIQUE, PRIMARY KEY
        _ => false,
    };
}
