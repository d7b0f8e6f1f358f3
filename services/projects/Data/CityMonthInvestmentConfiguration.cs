using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Projects.Data;

internal sealed class CityMonthInvestmentConfiguration : IEntityTypeConfiguration<CityMonthInvestment>
{
    public void Configure(EntityTypeBuilder<CityMonthInvestment> builder)
    {
        // The key is the conflict target of the upserts in CityInvestmentTotals; year first would not help: progress
        // reads every row of two years, and there are at most 16 cities × 12 months of them per year.
        builder.HasKey(c => new { c.CityCode, c.Year, c.Month });
        builder.Property(c => c.CityCode).HasMaxLength(6);
    }
}
