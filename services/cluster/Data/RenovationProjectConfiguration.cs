using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Clusters.Data;

internal sealed class RenovationProjectConfiguration : IEntityTypeConfiguration<RenovationProject>
{
    public void Configure(EntityTypeBuilder<RenovationProject> builder)
    {
        builder.HasKey(p => p.ProjectId);
        builder.Property(p => p.ProjectId).HasMaxLength(63);
        builder.Property(p => p.DisplayName).HasMaxLength(500);
        builder.Property(p => p.ClusterId).HasMaxLength(100);
        builder.Property(p => p.Version).IsConcurrencyToken();

        // GetClusterStats aggregates one cluster's rows.
        builder.HasIndex(p => new { p.ClusterId, p.State });
    }
}
