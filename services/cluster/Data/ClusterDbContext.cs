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

    public DbSet<AboveSizeYearChange> AboveSizeYearChanges => Set<AboveSizeYearChange>();

    public DbSet<QualificationYearGrant> QualificationYearGrants => Set<QualificationYearGrant>();

    /// <summary>Saves, and in the same transaction brings the yearly enterprise figures along (<see cref="EnterpriseYearCounts"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var touched = EnterpriseYearCounts.Touched(ChangeTracker);
        if (touched.Length == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await EnterpriseYearCounts.TakeOutAsync(this, touched, cancellationToken);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await EnterpriseYearCounts.PutBackAsync(this, touched, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>Synchronous saves would skip the yearly figures: the service only saves asynchronously.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it keeps the yearly enterprise figures.");

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ClusterDbContext).Assembly).AddMessagingTables().AddIdempotencyTables().AddVersionedResources();
}

/// <summary>SQLite (local run).</summary>
public sealed class SqliteClusterDbContext(DbContextOptions<SqliteClusterDbContext> options) : ClusterDbContext(options);

/// <summary>PostgreSQL (production, tests).</summary>
public sealed class PostgresClusterDbContext(DbContextOptions<PostgresClusterDbContext> options) : ClusterDbContext(options);
