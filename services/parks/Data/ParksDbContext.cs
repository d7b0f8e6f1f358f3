using Industry.ServiceDefaults.Idempotency;
using Industry.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Industry.Parks.Data;

/// <summary>The parks service's database. Provider-specific subclasses below carry their own migrations.</summary>
public abstract class ParksDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Domain.DigitalTargets> DigitalTargets => Set<Domain.DigitalTargets>();

    public DbSet<Domain.Park> Parks => Set<Domain.Park>();

    public DbSet<Domain.Transformation> Transformations => Set<Domain.Transformation>();

    public DbSet<Domain.TransformationMilestone> TransformationMilestones => Set<Domain.TransformationMilestone>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ParksDbContext).Assembly).AddMessagingTables().AddIdempotencyTables().AddVersionedResources().AddReferenceCodeColumns();
}

/// <summary>SQLite (local run).</summary>
public sealed class SqliteParksDbContext(DbContextOptions<SqliteParksDbContext> options) : ParksDbContext(options);

/// <summary>PostgreSQL (production, tests).</summary>
public sealed class PostgresParksDbContext(DbContextOptions<PostgresParksDbContext> options) : ParksDbContext(options);
