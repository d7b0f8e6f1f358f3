using Industry.ServiceDefaults.Idempotency;
using Industry.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Data;

/// <summary>The projects service's database. Provider-specific subclasses below carry their own migrations.</summary>
public abstract class ProjectsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Domain.Plan> Plans => Set<Domain.Plan>();

    public DbSet<Domain.Project> Projects => Set<Domain.Project>();

    public DbSet<Domain.InvestmentReport> InvestmentReports => Set<Domain.InvestmentReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProjectsDbContext).Assembly).AddMessagingTables().AddIdempotencyTables();
}

/// <summary>SQLite (local run).</summary>
public sealed class SqliteProjectsDbContext(DbContextOptions<SqliteProjectsDbContext> options) : ProjectsDbContext(options);

/// <summary>PostgreSQL (production, tests).</summary>
public sealed class PostgresProjectsDbContext(DbContextOptions<PostgresProjectsDbContext> options) : ProjectsDbContext(options);
