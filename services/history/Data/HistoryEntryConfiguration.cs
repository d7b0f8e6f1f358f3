using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Industry.History.Data;

/// <summary>
/// The <c>history_entries</c> table: one row per event id, with the indexes of the three reads: one record's versions,
/// the province's changes by time, and the replay by position. This is the table as SQLite has it (the unique index
/// keeps a redelivery out there); on PostgreSQL the <c>MonthPartitions</c> migration makes it a table partitioned by
/// month with the same columns and index names, the event-id index a plain one (<see cref="PartitioningSql"/>, ADR 0043).
/// </summary>
internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> entry)
    {
        entry.ToTable("history_entries");
        entry.HasKey(e => e.Position);
        entry.Property(e => e.Position).ValueGeneratedOnAdd();
        entry.HasIndex(e => e.EventId).IsUnique();
        entry.HasIndex(e => new { e.Subject, e.SubjectVersion });
        entry.HasIndex(e => new { e.OccurTime, e.EventId });
        entry.HasIndex(e => new { e.Actor, e.OccurTime });
        entry.HasIndex(e => new { e.CityCode, e.OccurTime });

        // Searches by county or by event type, newest first: without them a rare pair (one county's creations) read the
        // province's changes back in time until a page was found (480 ms at 300,000 changes; docs/benchmarks.md).
        entry.HasIndex(e => new { e.CountyCode, e.OccurTime });
        entry.HasIndex(e => new { e.EventType, e.OccurTime });
        entry.Property(e => e.EventId).HasMaxLength(36);
        entry.Property(e => e.EventType).HasMaxLength(200);
        entry.Property(e => e.Source).HasMaxLength(200);
        entry.Property(e => e.Subject).HasMaxLength(300);
        entry.Property(e => e.Actor).HasMaxLength(200);
        entry.Property(e => e.ResourceType).HasMaxLength(200);
        entry.Property(e => e.CityCode).HasMaxLength(12);
        entry.Property(e => e.CountyCode).HasMaxLength(12);
        entry.Property(e => e.TraceParent).HasMaxLength(64);
        entry.Ignore(e => e.TraceId);
    }
}
