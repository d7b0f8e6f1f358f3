using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Clusters.Data;

internal sealed class QualificationConfiguration : IEntityTypeConfiguration<Qualification>
{
    public void Configure(EntityTypeBuilder<Qualification> builder)
    {
        builder.ToTable("enterprise_qualifications");
        builder.HasKey(q => new { q.Uscc, q.Type });
        builder.Property(q => q.Uscc).HasMaxLength(18);

        // The qualification filter of ListEnterprises (holders of a type, in USCC order) and progress (grants of a year by type).
        builder.HasIndex(q => new { q.Type, q.Uscc });
        builder.HasIndex(q => new { q.Year, q.Type });
    }
}
