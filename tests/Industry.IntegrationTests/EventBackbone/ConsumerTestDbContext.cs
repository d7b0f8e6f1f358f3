using Industry.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>A consumer's own database, as a service's would be: the inbox tables plus the state the events change.</summary>
public sealed class ConsumerTestDbContext(DbContextOptions<ConsumerTestDbContext> options) : DbContext(options)
{
    public DbSet<AppliedPlan> AppliedPlans => Set<AppliedPlan>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AppliedPlan>().HasKey(p => p.Id);
        modelBuilder.AddMessagingTables();
    }
}

/// <summary>One effect of one applied event.</summary>
public sealed class AppliedPlan
{
    public long Id { get; set; }

    public Guid MessageId { get; set; }

    public string Subject { get; set; } = string.Empty;

    public long Version { get; set; }

    public int Target { get; set; }
}
