using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Clusters.Data;

/// <summary>Keyed for the upserts of <see cref="EnterpriseYearCounts"/>, the year first: progress reads one year.</summary>
internal sealed class QualificationYearGrantConfiguration : IEntityTypeConfiguration<QualificationYearGrant>
{
    public void Configure(EntityTypeBuilder<QualificationYearGrant> builder)
    {
        builder.ToTable("qualification_year_grants");
        builder.HasKey(r => new { r.Year, r.Type, r.CityCode, r.IndustryCode });
        builder.Property(r => r.CityCode).HasMaxLength(6);
        builder.Property(r => r.IndustryCode).HasMaxLength(16);
    }
}
