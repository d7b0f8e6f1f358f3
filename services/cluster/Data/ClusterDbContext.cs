using Industry.ServiceDefaults.Idempotency;
using Industry.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Industry.Clusters.Data;

/// <summary>The cluster service's database. Provider-specific subclasses below carry their own migrations.</summary>
public abstract class ClusterDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ClusterTargets> ClusterTargets => Set<ClusterTargets>();

    public DbSet<Cluster> Clusters => Set<Cluster>();

    public DbSet<RevenueReport> RevenueReports => Set<RevenueReport>();

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    public DbSet<Qualification> Qualifications => Set<Qualification>();

    public DbSet<ClusterMember> ClusterMembers => Set<ClusterMember>();

    public DbSet<RenovationProject> RenovationProjects => Set<RenovationProject>();

    public DbSet<PerMuEvaluation> PerMuEvaluations => Set<PerMuEvaluation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ClusterDbContext).Assembly).AddMessagingTables().AddIdempotencyTables().AddVersionedResources();
}

/// <summary>SQLite (local run).</summary>
public sealed class SqliteClusterDbContext(DbContextOptions<SqliteClusterDbContext> options) : ClusterDbContext(options);

/// <summary>PostgreSQL (production, tests).</summary>
public sealed class PostgresClusterDbContext(DbContextOptions<PostgresClusterDbContext> options) : ClusterDbContext(options);
