using Industry.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Industry.History.Data;

/// <summary>The history service's database. Provider-specific subclasses below carry their own migrations.</summary>
public abstract class HistoryDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<HistoryEntry> Entries => Set<HistoryEntry>();

    /// <summary>Every event id stored, archived months' included: what keeps a redelivery out.</summary>
    public DbSet<StoredEventId> EventIds => Set<StoredEventId>();

    /// <summary>The months moved out of the database (PostgreSQL only; empty on SQLite, which keeps every entry).</summary>
    public DbSet<ArchivedMonth> ArchivedMonths => Set<ArchivedMonth>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HistoryDbContext).Assembly).AddMessagingTables();
}

/// <summary>SQLite (local run).</summary>
public sealed class SqliteHistoryDbContext(DbContextOptions<SqliteHistoryDbContext> options) : HistoryDbContext(options);

/// <summary>PostgreSQL (production, tests).</summary>
public sealed class PostgresHistoryDbContext(DbContextOptions<PostgresHistoryDbContext> options) : HistoryDbContext(options);
