using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Clusters.Data;

internal sealed class ClusterMemberConfiguration : IEntityTypeConfiguration<ClusterMember>
{
    public void Configure(EntityTypeBuilder<ClusterMember> builder)
    {
        builder.HasKey(m => new { m.ClusterId, m.Uscc });
        builder.Property(m => m.ClusterId).HasMaxLength(63);
        builder.Property(m => m.Uscc).HasMaxLength(18);
        builder.Property(m => m.CreateActor).HasMaxLength(200);

        // A forced cluster deletion takes its memberships along; an enterprise is deleted only without any.
        builder.HasOne<Cluster>().WithMany().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Enterprise>().WithMany(e => e.Memberships).HasForeignKey(m => m.Uscc).OnDelete(DeleteBehavior.Restrict);

        // One enterprise's clusters (Enterprise.clusters, the list across clusters by enterprise).
        builder.HasIndex(m => new { m.Uscc, m.ClusterId });
    }
}
