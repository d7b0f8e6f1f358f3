using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Parks.Data;

internal sealed class DigitalTargetsConfiguration : IEntityTypeConfiguration<DigitalTargets>
{
    /// <summary>When the 2024 targets were published (the 2023 work report), for the seeded row.</summary>
    private static readonly DateTime ReportPublished = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public void Configure(EntityTypeBuilder<DigitalTargets> builder)
    {
        builder.HasKey(t => t.Year);
        builder.Property(t => t.Year).ValueGeneratedNever();
        builder.OwnsMany(t => t.CityTargets, city =>
        {
            city.ToTable("digital_city_targets");
            city.WithOwner().HasForeignKey("TargetsYear");
            city.HasKey("TargetsYear", nameof(DigitalCityTarget.CityCode));
        });

        // The 2024 targets as the work report set them (D2, D4, D5); changeable through UpdateDigitalTargets.
        builder.HasData(new
        {
            Year = 2024,
            ParksCertified = (int?)ReportFigures.Count("D2"),
            EnterprisesTransformed = (int?)ReportFigures.Count("D4"),
            WorkshopsFactoriesLeaders = (int?)ReportFigures.Count("D5"),
            Version = 1L,
            CreateTime = ReportPublished,
            UpdateTime = ReportPublished,
            UpdateActor = "seed:anhui-2023-work-report",
        });
    }
}
