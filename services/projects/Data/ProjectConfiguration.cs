using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Projects.Data;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Id).HasMaxLength(63);
        builder.Property(p => p.ProjectCode).HasMaxLength(24);
        builder.HasIndex(p => p.ProjectCode).IsUnique();
        builder.Property(p => p.DisplayName).HasMaxLength(ProjectRules.MaxNameLength);
        builder.Property(p => p.EnterpriseDisplayName).HasMaxLength(ProjectRules.MaxNameLength);
        builder.Property(p => p.Description).HasMaxLength(ProjectRules.MaxDescriptionLength);
        builder.Property(p => p.EnterpriseUscc).HasMaxLength(18);
        builder.Property(p => p.CountyCode).HasMaxLength(6);
        builder.Property(p => p.CityCode).HasMaxLength(6);
        builder.Property(p => p.Industry).HasMaxLength(16);
        builder.Property(p => p.Gbt4754Class).HasMaxLength(5);
        builder.Property(p => p.Cluster).HasMaxLength(100);
        builder.Property(p => p.Park).HasMaxLength(100);
        builder.Property(p => p.StateReason).HasMaxLength(1000);
        builder.Property(p => p.LatestReportPeriod).HasMaxLength(7);

        // Keyset pagination in the default order (create_time desc, id) and the progress queries
        // (key projects by tier and actual dates, per city) run over these indexes.
        builder.HasIndex(p => new { p.CreateTime, p.Id });
        // Key projects under implementation per city: an index-only scan of the key tiers' date range.
        builder.HasIndex(p => new { p.Tier, p.ActualStartDate, p.ActualCompletionDate }).IncludeProperties(p => p.CityCode);
        // A city's projects in id order with the reporting calendar's columns beside them, for the same reason as the
        // county's below: a city's missing-report page walked the primary key past some 10,000 other projects' rows
        // (43 ms against 4.4 ms, EXPLAIN ANALYZE at 50,000 projects). It replaces (city_code, state), which no plan used:
        // ListProjects by city and state walks the create-time index for its order.
        builder.HasIndex(p => new { p.CityCode, p.Id })
            .IncludeProperties(p => new { p.State, p.ActualStartDate, p.ActualCompletionDate });
        builder.HasIndex(p => p.Cluster);
        builder.HasIndex(p => p.Park);

        // ListProjects at national scale (50,000 projects): each order_by key with the id that breaks its ties, so
        // that a page is one index range scan; and the filter fields selective enough that scanning the default
        // order for 50 matches would read thousands of rows (benchmarked; the rest are served by the order's index).
        builder.HasIndex(p => new { p.UpdateTime, p.Id });
        builder.HasIndex(p => new { p.TotalInvestmentYuan, p.Id });
        builder.HasIndex(p => new { p.DisplayName, p.Id });
        // A county's projects in id order with the reporting calendar's columns beside them: the missing-report list
        // of a county walks it for its page (keyset on id) instead of the primary key's order, where a county's first
        // 50 lie among thousands of other projects (18 ms against 1.7 ms at 50,000 projects, EXPLAIN ANALYZE).
        builder.HasIndex(p => new { p.CountyCode, p.Id })
            .IncludeProperties(p => new { p.State, p.ActualStartDate, p.ActualCompletionDate });
        builder.HasIndex(p => p.Gbt4754Class);
        builder.HasIndex(p => p.EnterpriseUscc);
        builder.HasIndex(p => p.PlannedStartDate);

        // The state filter, and the schedule's figures read by every plan progress and dispatch bulletin without the
        // wide rows: projects behind schedule (the projects under construction, their plan dates and shares) and 竣工率
        // (planned completions in a year, actually completed). Index-only scans; at 50,000 projects they took the
        // bulletin's two slowest queries from seq and bitmap heap scans to about a third of their time.
        builder.HasIndex(p => new { p.State, p.PlannedCompletionDate })
            .IncludeProperties(p => new { p.PlannedStartDate, p.ActualCompletionDate, p.TotalInvestmentYuan, p.CumulativeCompletedInvestmentYuan, p.CityCode });

        // The reporting calendar (who owes a month: started by its end, not completed before it) per city and county,
        // and the missing list's and the reminder job's anti-joins by id: an index-only scan of 50,000 narrow rows.
        builder.HasIndex(p => p.ActualStartDate)
            .IncludeProperties(p => new { p.ActualCompletionDate, p.State, p.CityCode, p.CountyCode, p.Id });
    }
}

internal sealed class InvestmentReportConfiguration : IEntityTypeConfiguration<InvestmentReport>
{
    public void Configure(EntityTypeBuilder<InvestmentReport> builder)
    {
        builder.HasKey(r => new { r.ProjectId, r.Year, r.Month });
        builder.Property(r => r.ProgressNote).HasMaxLength(2000);
        builder.Property(r => r.ReturnReason).HasMaxLength(FieldText.MaxReasonLength);

        // Every write sets the state; the default serves rows written by SQL (bulk seeds) and the reports stored before
        // the review existed, all entered by city editors and province admins: approved (ADR 0026).
        builder.Property(r => r.ReviewState).HasDefaultValue(ReviewState.Approved);
        builder.Property(r => r.ReviewActor).HasMaxLength(VersionedResourceModel.MaxActorLength);
        builder.Property(r => r.CorrectionReason).HasMaxLength(FieldText.MaxReasonLength);
        builder.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);

        // Sums over all projects by year and month (investment stats), the amount and the review state (only approved
        // reports count) included. The project id after the month serves ListInvestmentReports of every project filtered
        // to one month (period = "YYYY-MM") in page order. The reporting status counts a month's reports as on time or
        // late by their create time, from this index alone.
        builder.HasIndex(r => new { r.Year, r.Month, r.ProjectId }).IncludeProperties(r => new { r.CompletedInvestmentYuan, r.ReviewState, r.CreateTime });

        // ListInvestmentReports filtered by update_time ("changed since"), which no other index narrows.
        builder.HasIndex(r => r.UpdateTime);
    }
}
