using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Clusters.Data;

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> builder)
    {
        builder.Property(c => c.Id).HasMaxLength(63);
        builder.Property(c => c.DisplayName).HasMaxLength(ClusterRules.MaxNameLength);
        builder.Property(c => c.IndustryCode).HasMaxLength(16);
        builder.Property(c => c.LeadDivisionCode).HasMaxLength(6);
        builder.Property(c => c.CityCode).HasMaxLength(6);
        builder.Property(c => c.HostParkDisplayName).HasMaxLength(ClusterRules.MaxNameLength);
        builder.Property(c => c.HostPark).HasMaxLength(100);
        builder.Property(c => c.Description).HasMaxLength(ClusterRules.MaxDescriptionLength);
        builder.Property(c => c.RevocationReason).HasMaxLength(FieldText.MaxReasonLength);

        // A primitive collection: a text[] on PostgreSQL, a JSON array on SQLite; the order given is kept.
        builder.PrimitiveCollection(c => c.ChainLeaders);

        // One row per level reached, so that progress counts recognitions by year and level in SQL.
        builder.OwnsMany(c => c.Recognitions, recognition =>
        {
            recognition.ToTable("cluster_recognitions");
            recognition.WithOwner().HasForeignKey("ClusterId");
            recognition.HasKey("ClusterId", nameof(ClusterRecognition.Level));
            recognition.HasIndex(r => new { r.Year, r.Level });
        });

        // Keyset pagination in each order ListClusters offers (ties broken by id), and the filtered columns.
        builder.HasIndex(c => new { c.CreateTime, c.Id });
        builder.HasIndex(c => new { c.DisplayName, c.Id });
        builder.HasIndex(c => new { c.RecognitionYear, c.Id });
        builder.HasIndex(c => new { c.State, c.Level });
        builder.HasIndex(c => c.IndustryCode);
        builder.HasIndex(c => c.CityCode);
        builder.HasIndex(c => c.LeadDivisionCode);
        builder.HasIndex(c => c.HostPark);
    }
}
