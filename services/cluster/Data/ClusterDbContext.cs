using Industry.ServiceDefaults.Idempotency;
using Industry.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Industry.Cluster.Data;

/// <summary>The cluster service's database. Provider-specific subclasses below carry their own migrations.</summary>
public abstract class ClusterDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Domain.ClusterTargets> ClusterTargets => Set<Domain.ClusterTargets>();

    public DbSet<Domain.Cluster> Clusters => Set<Domain.Cluster>();

    public DbSet<Domain.RevenueReport> RevenueReports => Set<Domain.RevenueReport>();

    public DbSet<Domain.Enterprise> Enterprises => Set<Domain.Enterprise>();

    public DbSet<Domain.Qualification> Qualifications => Set<Domain.Qualification>();

    public DbSet<Domain.ClusterMember> ClusterMembers => Set<Domain.ClusterMember>();

    public DbSet<Domain.RenovationProject> RenovationProjects => Set<Domain.RenovationProject>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ClusterDbContext).Assembly).AddMessagingTables().AddIdempotencyTables();
}

/// <summary>SQLite (local run).</summary>
public sealed class SqliteClusterDbContext(DbContextOptions<SqliteClusterDbContext> options) : ClusterDbContext(options);

/// <summary>PostgreSQL (production, tests).</summary>
public sealed class PostgresClusterDbContext(DbContextOptions<PostgresClusterDbContext> options) : ClusterDbContext(options);
