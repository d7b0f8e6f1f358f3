using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Parks.Data;

internal sealed class ParkConfiguration : IEntityTypeConfiguration<Park>
{
    public void Configure(EntityTypeBuilder<Park> builder)
    {
        builder.Property(p => p.Id).HasMaxLength(63);
        builder.Property(p => p.DisplayName).HasMaxLength(ParkRules.MaxNameLength);
        builder.Property(p => p.LeadIndustryCode).HasMaxLength(16);
        builder.Property(p => p.Description).HasMaxLength(ParkRules.MaxDescriptionLength);
        builder.Property(p => p.RejectionReason).HasMaxLength(FieldText.MaxReasonLength);
        builder.Property(p => p.RevocationReason).HasMaxLength(FieldText.MaxReasonLength);

        // Keyset pagination in each order ListParks offers (ties broken by id); progress counts parks by certification
        // year (and state, for the parks still certified) per city.
        builder.HasIndex(p => new { p.CreateTime, p.Id });
        builder.HasIndex(p => new { p.DisplayName, p.Id });
        builder.HasIndex(p => new { p.CertificationYear, p.Id });
        builder.HasIndex(p => new { p.CertificationYear, p.State, p.CityCode });
        builder.HasIndex(p => p.State);
        builder.HasIndex(p => p.CityCode);
        builder.HasIndex(p => p.CountyCode);
        builder.HasIndex(p => p.LeadIndustryCode);
    }
}
