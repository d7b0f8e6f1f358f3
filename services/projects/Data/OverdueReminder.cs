using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.Projects.Data;

/// <summary>
/// 催报记录: that a project was reminded of a month's missing report. Written in the transaction of its
/// <c>InvestmentReportOverdue</c> outbox row, and keyed by project and month, so that a reminder is raised once: a second
/// replica or a restarted job fails on the key instead of raising it again, and a crash loses both or neither.
/// </summary>
public sealed class OverdueReminder
{
    public required string ProjectId { get; init; }

    public required int Year { get; init; }

    public required int Month { get; init; }

    /// <summary>When the reminder was raised.</summary>
    public required DateTime RemindTime { get; init; }
}

internal sealed class OverdueReminderConfiguration : IEntityTypeConfiguration<OverdueReminder>
{
    public void Configure(EntityTypeBuilder<OverdueReminder> builder)
    {
        builder.HasKey(r => new { r.ProjectId, r.Year, r.Month });
        builder.Property(r => r.ProjectId).HasMaxLength(63);
        builder.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
