using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Projects.Data;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    /// <summary>When the 2024 target was published (the 2023 work report), for the seeded row.</summary>
    private static readonly DateTime ReportPublished = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.HasKey(p => p.Year);
        builder.Property(p => p.Year).ValueGeneratedNever();
        builder.OwnsMany(p => p.CityTargets, city =>
        {
            city.ToTable("plan_city_targets");
            city.WithOwner().HasForeignKey("PlanYear");
            city.HasKey("PlanYear", nameof(PlanCityTarget.CityCode));
            city.Property(c => c.CityCode).HasMaxLength(6);
        });

        // The 2024 target as the work report set it (P1: at least 1,200 key projects); changeable through UpdatePlan.
        builder.HasData(new
        {
            Year = 2024,
            TargetKeyProjectsUnderImplementation = (int?)ReportFigures.Count("P1"),
            Version = 1L,
            CreateTime = ReportPublished,
            UpdateTime = ReportPublished,
            UpdateActor = "seed:anhui-2023-work-report",
        });
    }
}
