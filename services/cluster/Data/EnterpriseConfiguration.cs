using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Clusters.Data;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> builder)
    {
        builder.HasKey(e => e.Uscc);
        builder.Property(e => e.Uscc).HasMaxLength(18);
        builder.Property(e => e.DisplayName).HasMaxLength(EnterpriseRules.MaxNameLength);
        builder.Property(e => e.CountyCode).HasMaxLength(6);
        builder.Property(e => e.CityCode).HasMaxLength(6);
        builder.Property(e => e.Gbt4754Class).HasMaxLength(5);
        builder.Property(e => e.IndustryCode).HasMaxLength(16);
        builder.HasMany(e => e.Qualifications).WithOne().HasForeignKey(q => q.Uscc).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(e => e.HeldQualifications);

        // Keyset pagination of ListEnterprises: each filterable column with the id, so that a filtered page in the
        // default order (the USCC) is one index range scan; and the orders it offers.
        builder.HasIndex(e => new { e.CountyCode, e.Uscc });
        builder.HasIndex(e => new { e.CityCode, e.Uscc });
        builder.HasIndex(e => new { e.IndustryCode, e.Uscc });
        builder.HasIndex(e => new { e.Gbt4754Class, e.Uscc });
        builder.HasIndex(e => new { e.DisplayName, e.Uscc });
        builder.HasIndex(e => new { e.CreateTime, e.Uscc });

        // ListEnterprises filtered or ordered by the above-size year, or filtered by the exit year. (GetClusterProgress
        // reads the years' entries, exits and totals from the figures the writes keep, EnterpriseYearCounts.)
        builder.HasIndex(e => new { e.AboveSizeYear, e.Uscc });
        builder.HasIndex(e => new { e.AboveSizeExitYear, e.AboveSizeYear });
    }
}
