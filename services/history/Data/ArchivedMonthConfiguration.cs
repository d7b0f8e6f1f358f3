using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.History.Data;

/// <summary>
/// The <c>history_archives</c> table: one row per archived month, written by the archive function
/// (<c>history_archive_month</c>, PostgreSQL only) in the transaction that detaches the month's partition.
/// </summary>
internal sealed class ArchivedMonthConfiguration : IEntityTypeConfiguration<ArchivedMonth>
{
    public void Configure(EntityTypeBuilder<ArchivedMonth> month)
    {
        month.ToTable("history_archives");
        month.HasKey(m => m.MonthStart);
        month.Property(m => m.TableName).HasMaxLength(63);
    }
}
