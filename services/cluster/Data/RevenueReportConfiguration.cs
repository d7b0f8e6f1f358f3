using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Clusters.Data;

internal sealed class RevenueReportConfiguration : IEntityTypeConfiguration<RevenueReport>
{
    public void Configure(EntityTypeBuilder<RevenueReport> builder)
    {
        // The key also finds the year-earlier report of a period (same cluster and month, year - 1).
        builder.HasKey(r => new { r.ClusterId, r.Year, r.Month });
        builder.Property(r => r.ClusterId).HasMaxLength(63);
        builder.Property(r => r.Note).HasMaxLength(RevenueRules.MaxNoteLength);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(r => r.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}
