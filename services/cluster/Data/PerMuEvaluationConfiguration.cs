using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Clusters.Data;

internal sealed class PerMuEvaluationConfiguration : IEntityTypeConfiguration<PerMuEvaluation>
{
    public void Configure(EntityTypeBuilder<PerMuEvaluation> builder)
    {
        // The key is the default order of ListPerMuEvaluations (enterprise, then year) and an enterprise's own list.
        builder.HasKey(e => new { e.Uscc, e.Year });
        builder.Property(e => e.Uscc).HasMaxLength(18);
        builder.Property(e => e.CityCode).HasMaxLength(6);
        builder.Property(e => e.LandAreaMu).HasPrecision(12, 2);
        builder.Ignore(e => e.TaxPerMu);
        builder.Ignore(e => e.RevenuePerMu);

        // Deleted with their enterprise, like its qualifications (EnterpriseDeleted announces both).
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(e => e.Uscc).OnDelete(DeleteBehavior.Cascade);

        // The filters of the list (a year and grade across the province, a city), and the grade counts of a year.
        builder.HasIndex(e => new { e.Year, e.Grade });
        builder.HasIndex(e => new { e.CityCode, e.Year });
    }
}
