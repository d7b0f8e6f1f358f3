using Industry.ServiceDefaults.Idempotency;
using Industry.ServiceDefaults.Messaging;
using Industry.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Industry.Projects.Data;

/// <summary>The projects service's database. Provider-specific subclasses below carry their own migrations.</summary>
public abstract class ProjectsDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>How many outbox rows a save must add for PostgreSQL to receive them as one statement (<see cref="TakeManyEvents"/>).</summary>
    private const int ManyEvents = 100;

    public DbSet<Domain.Plan> Plans => Set<Domain.Plan>();

    public DbSet<Domain.Project> Projects => Set<Domain.Project>();

    public DbSet<Domain.InvestmentReport> InvestmentReports => Set<Domain.InvestmentReport>();

    /// <summary>The closed months and their published figures; an open month has no row.</summary>
    public DbSet<Domain.ClosedPeriod> ClosedPeriods => Set<Domain.ClosedPeriod>();

    /// <summary>Completed investment per city and month, kept by every save (<see cref="CityInvestmentTotals"/>).</summary>
    public DbSet<CityMonthInvestment> CityMonthInvestments => Set<CityMonthInvestment>();

    /// <summary>Completed investment per project and year, month by month, kept by every save (<see cref="ProjectInvestmentTotals"/>).</summary>
    public DbSet<ProjectYearInvestment> ProjectYearInvestments => Set<ProjectYearInvestment>();

    /// <summary>The missing reports already reminded of, one per project and month (<see cref="OverdueReminder"/>).</summary>
    public DbSet<OverdueReminder> OverdueReminders => Set<OverdueReminder>();

    /// <summary>Saves, and in the same transaction brings the per-city and per-project totals along with the reports saved.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once here: the totals' look at the tracker and the base save would each walk every
        // tracked entity again (a reminder batch or an import tracks thousands).
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var (before, after) = CityInvestmentTotals.Pending(ChangeTracker);
        after.AddRange(ProjectInvestmentTotals.Pending(ChangeTracker));
        var events = TakeManyEvents();
        if (before.Count + after.Count == 0 && events is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        try
        {
            await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            foreach (var statement in before)
            {
                await Database.ExecuteSqlRawAsync(statement.Sql, statement.Parameters, cancellationToken);
            }

            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var statement in after)
            {
                await Database.ExecuteSqlRawAsync(statement.Sql, statement.Parameters, cancellationToken);
            }

            if (events is not null)
            {
                await using var batch = new NpgsqlBatch((NpgsqlConnection)Database.GetDbConnection(), (NpgsqlTransaction)Database.CurrentTransaction!.GetDbTransaction())
                {
                    BatchCommands = { OutboxRows.InsertCommand(this, events)! },
                };
                written += await batch.ExecuteNonQueryAsync(cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        catch when (events is not null)
        {
            // Nothing is committed (the transaction, ours or the caller's, is rolled back): the events go back to the
            // context, so that a retried save still carries them. In reverse: the tracker reuses the places their
            // removal freed last-in first-out, and the retried save must store them in the order raised.
            for (var i = events.Count - 1; i >= 0; i--)
            {
                Entry(events[i]).State = EntityState.Added;
            }

            throw;
        }
    }

    /// <summary>
    /// On PostgreSQL, the outbox rows of a save that raises many events (a reminder batch raises thousands), taken out
    /// of the context to be inserted by one statement (<see cref="OutboxRows"/>) in the save's transaction; null otherwise.
    /// </summary>
    private List<OutboxMessage>? TakeManyEvents() =>
        Database.IsNpgsql() && ChangeTracker.Entries<OutboxMessage>().Count(e => e.State == EntityState.Added) >= ManyEvents
            ? TakeAddedEvents()
            : null;

    /// <summary>The outbox rows added to the context, detached from it for <see cref="OutboxRows"/>, in the order raised.</summary>
    internal List<OutboxMessage> TakeAddedEvents()
    {
        var added = ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList();
        foreach (var entry in added)
        {
            entry.State = EntityState.Detached;
        }

        return added.ConvertAll(e => e.Entity);
    }

    /// <summary>Synchronous saves would skip the totals: the service only saves asynchronously.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it keeps the per-city investment totals.");

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProjectsDbContext).Assembly).AddMessagingTables().AddIdempotencyTables().AddVersionedResources();
}

/// <summary>SQLite (local run).</summary>
public sealed class SqliteProjectsDbContext(DbContextOptions<SqliteProjectsDbContext> options) : ProjectsDbContext(options);

/// <summary>PostgreSQL (production, tests).</summary>
public sealed class PostgresProjectsDbContext(DbContextOptions<PostgresProjectsDbContext> options) : ProjectsDbContext(options);
