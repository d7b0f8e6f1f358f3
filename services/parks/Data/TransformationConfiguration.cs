using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Parks.Data;

internal sealed class TransformationConfiguration : IEntityTypeConfiguration<Transformation>
{
    public void Configure(EntityTypeBuilder<Transformation> builder)
    {
        builder.Property(t => t.Id).HasMaxLength(63 + 1 + 18);
        builder.Property(t => t.ParkId).HasMaxLength(63);
        builder.Property(t => t.EnterpriseDisplayName).HasMaxLength(TransformationRules.MaxNameLength);
        builder.Property(t => t.Project).HasMaxLength(100);
        builder.Property(t => t.Note).HasMaxLength(TransformationRules.MaxNoteLength);

        // A park's transformations go with it (DeletePark with force), without events of their own.
        builder.HasOne<Park>().WithMany().HasForeignKey(t => t.ParkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Milestones).WithOne().HasForeignKey(m => m.TransformationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Milestones).AutoInclude();

        // One record per enterprise and park. ListTransformations of one park in the default order is one range scan of
        // (park, id) (a park has at most a few thousand records, sorted cheaply in the other orders); of every park
        // (parks/-), of (order key, id); the filters narrow by their own columns.
        builder.HasIndex(t => new { t.ParkId, t.EnterpriseUscc }).IsUnique();
        builder.HasIndex(t => new { t.ParkId, t.Id });
        builder.HasIndex(t => new { t.EnterpriseDisplayName, t.Id });
        builder.HasIndex(t => new { t.Level, t.Id });
        builder.HasIndex(t => new { t.Year, t.Id });
        builder.HasIndex(t => new { t.UpdateTime, t.Id });
        builder.HasIndex(t => new { t.CityCode, t.Id });
        builder.HasIndex(t => t.EnterpriseUscc);
        builder.HasIndex(t => t.Project);
    }
}

internal sealed class TransformationMilestoneConfiguration : IEntityTypeConfiguration<TransformationMilestone>
{
    public void Configure(EntityTypeBuilder<TransformationMilestone> builder)
    {
        builder.HasKey(m => new { m.TransformationId, m.Level });
        builder.Property(m => m.TransformationId).HasMaxLength(63 + 1 + 18);
        builder.Property(m => m.ParkId).HasMaxLength(63);
        builder.Property(m => m.Project).HasMaxLength(100);

        // GetDigitalProgress, index-only scans of the year's range that deliver the enterprises in order, so PostgreSQL
        // counts distinct ones without sorting or hashing: per city (with the milestones per level), and province-wide
        // (one enterprise in two cities counts once). ListTransformations' milestone_year filter: by year, the record.
        builder.HasIndex(m => new { m.Year, m.CityCode, m.EnterpriseUscc }).IncludeProperties(m => m.Level);
        builder.HasIndex(m => new { m.Year, m.EnterpriseUscc });
        builder.HasIndex(m => new { m.Year, m.TransformationId });
        builder.HasIndex(m => m.ParkId);
    }
}
