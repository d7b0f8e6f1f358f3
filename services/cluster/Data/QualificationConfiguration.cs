using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Clusters.Data;

internal sealed class QualificationConfiguration : IEntityTypeConfiguration<Qualification>
{
    public void Configure(EntityTypeBuilder<Qualification> builder)
    {
        builder.ToTable("enterprise_qualifications");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Uscc).HasMaxLength(18);
        builder.Property(q => q.RevokeReason).HasMaxLength(FieldText.MaxReasonLength);

        // The qualification filter of ListEnterprises: holders of a type, in USCC order. (Progress reads the grants of a
        // year from the figures the writes keep, EnterpriseYearCounts.)
        builder.HasIndex(q => new { q.Type, q.Uscc });

        // An enterprise's rows, held and revoked: read with it, deleted with it.
        builder.HasIndex(q => q.Uscc);

        // At most one held qualification per enterprise and type (the ladder's rule, kept by the database too);
        // revoked rows are history and may repeat a type.
        builder.HasIndex(q => new { q.Uscc, q.Type }).IsUnique().HasFilter("revoke_time IS NULL");
    }
}
