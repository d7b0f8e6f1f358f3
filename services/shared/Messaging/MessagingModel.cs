using Industry.ServiceDefaults.Messaging.Inbox;
using Industry.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Messaging;

/// <summary>The outbox (with its subject tombstones) and inbox tables, added to each service's own database (and migrations) by one call.</summary>
public static class MessagingModel
{
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).ValueGeneratedOnAdd();
            outbox.HasIndex(m => m.MessageId).IsUnique();
            // The relay's query, pending rows in id order, and the quarantine's: partial, so each stays as small as the
            // rows it serves, and with the relay's exact predicate, so the planner walks it in id order and stops at the
            // batch size instead of collecting every undispatched row version first (benchmarks: 100 ms a round at
            // 80,000 rows without it).
            outbox.HasIndex(m => m.Id, "ix_outbox_messages_pending").HasDatabaseName("ix_outbox_messages_pending").HasFilter("dispatch_time IS NULL AND quarantine_time IS NULL");
            outbox.HasIndex(m => m.Id, "ix_outbox_messages_quarantined").HasDatabaseName("ix_outbox_messages_quarantined").HasFilter("quarantine_time IS NOT NULL");
            // The purge's: dispatched rows only, so a new row is not indexed here until it is published.
            outbox.HasIndex(m => m.DispatchTime, "ix_outbox_messages_dispatch_time").HasDatabaseName("ix_outbox_messages_dispatch_time").HasFilter("dispatch_time IS NOT NULL");
            outbox.Property(m => m.EventType).HasMaxLength(200);
            outbox.Property(m => m.Subject).HasMaxLength(300);
            outbox.Property(m => m.Actor).HasMaxLength(200);
            outbox.Property(m => m.TraceParent).HasMaxLength(64);
            outbox.Property(m => m.TraceState).HasMaxLength(512);
            outbox.Property(m => m.LastError).HasMaxLength(500);
        });

        modelBuilder.Entity<SubjectTombstone>(tombstone =>
        {
            tombstone.ToTable("subject_tombstones");
            tombstone.HasKey(t => t.Subject);
            tombstone.Property(t => t.Subject).HasMaxLength(300);
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.Consumer, m.MessageId });
            inbox.HasIndex(m => m.ReceiveTime);
            inbox.Property(m => m.Consumer).HasMaxLength(200);
        });

        modelBuilder.Entity<InboxSubjectVersion>(version =>
        {
            version.ToTable("inbox_subject_versions");
            version.HasKey(v => new { v.Consumer, v.Subject });
            version.Property(v => v.Version).IsConcurrencyToken();
            version.Property(v => v.Consumer).HasMaxLength(200);
            version.Property(v => v.Subject).HasMaxLength(300);
        });

        return modelBuilder;
    }
}
