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
            // The relay's query: pending rows in id order. Partial, so it stays as small as the backlog.
            outbox.HasIndex(m => m.Id).HasDatabaseName("ix_outbox_messages_pending").HasFilter("dispatch_time IS NULL");
            outbox.HasIndex(m => m.DispatchTime);
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
