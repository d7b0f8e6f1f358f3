using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Clusters.Data;

internal sealed class ClusterTargetsConfiguration : IEntityTypeConfiguration<ClusterTargets>
{
    /// <summary>When the 2024 targets were published (the 2023 work report), for the seeded row.</summary>
    private static readonly DateTime ReportPublished = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public void Configure(EntityTypeBuilder<ClusterTargets> builder)
    {
        builder.HasKey(t => t.Year);
        builder.Property(t => t.Year).ValueGeneratedNever();
        builder.OwnsMany(t => t.CityTargets, city =>
        {
            city.ToTable("cluster_city_targets");
            city.WithOwner().HasForeignKey("TargetsYear");
            city.HasKey("TargetsYear", nameof(ClusterCityTarget.CityCode));
        });
        builder.OwnsMany(t => t.ClusterRevenueTargets, cluster =>
        {
            cluster.ToTable("cluster_revenue_targets");
            cluster.WithOwner().HasForeignKey("TargetsYear");
            cluster.HasKey("TargetsYear", nameof(ClusterRevenueTarget.Cluster));
            cluster.Property(r => r.Cluster).HasMaxLength(80);
        });

        // The 2024 targets as the work report set them (C3, C4, C10-C12); changeable through UpdateClusterTargets.
        builder.HasData(new
        {
            Year = 2024,
            AdvancedManufacturingClusters = (int?)ReportFigures.Count("C3"),
            ProvincialSmeClusters = (int?)ReportFigures.Count("C4"),
            InnovativeSmes = (int?)ReportFigures.Count("C10"),
            SpecializedSmes = (int?)ReportFigures.Count("C11"),
            NewAboveSizeEnterprises = (int?)ReportFigures.Count("C12"),
            Version = 1L,
            CreateTime = ReportPublished,
            UpdateTime = ReportPublished,
            UpdateActor = "seed:anhui-2023-work-report",
        });
    }
}
