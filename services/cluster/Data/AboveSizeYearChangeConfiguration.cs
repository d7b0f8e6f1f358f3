using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Clusters.Data;

/// <summary>Keyed for the upserts of <see cref="EnterpriseYearCounts"/>, the year first: progress reads the years up to one.</summary>
internal sealed class AboveSizeYearChangeConfiguration : IEntityTypeConfiguration<AboveSizeYearChange>
{
    public void Configure(EntityTypeBuilder<AboveSizeYearChange> builder)
    {
        builder.ToTable("above_size_year_changes");
        builder.HasKey(r => new { r.Year, r.CityCode, r.IndustryCode });
        builder.Property(r => r.CityCode).HasMaxLength(6);
        builder.Property(r => r.IndustryCode).HasMaxLength(16);
    }
}
