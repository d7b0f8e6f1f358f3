using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Projects.Data;

internal sealed class ClosedPeriodConfiguration : IEntityTypeConfiguration<ClosedPeriod>
{
    public void Configure(EntityTypeBuilder<ClosedPeriod> builder)
    {
        // The key is the month: a second close of it cannot be stored, even by two closes racing past the handler's check.
        builder.HasKey(p => new { p.Year, p.Month });
        builder.Property(p => p.Year).ValueGeneratedNever();
        builder.Property(p => p.Month).ValueGeneratedNever();
    }
}
