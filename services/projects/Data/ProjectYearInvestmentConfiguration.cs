using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Projects.Data;

internal sealed class ProjectYearInvestmentConfiguration : IEntityTypeConfiguration<ProjectYearInvestment>
{
    public void Configure(EntityTypeBuilder<ProjectYearInvestment> builder)
    {
        // The key serves the refresh of one project (ProjectInvestmentTotals); the year index the statistics, which read
        // the rows of a few years out of all.
        builder.HasKey(r => new { r.ProjectId, r.Year });
        builder.HasIndex(r => r.Year);
        builder.Property(r => r.ProjectId).HasMaxLength(63);
        builder.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
