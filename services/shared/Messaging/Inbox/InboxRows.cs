using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// The inbox rows of one transaction (processed message ids and the subjects' new versions), written together. On
/// PostgreSQL each table gets one statement over arrays (<c>unnest</c>), whatever the group's size: EF Core would send an
/// INSERT or UPDATE per row, and on this hardware each statement costs PostgreSQL more than its row. On SQLite they go
/// through the change tracker as before.
/// </summary>
internal sealed class InboxRows(string consumer)
{
    private readonly List<Guid> _messageIds = [];
    private readonly Dictionary<string, (long? Read, long Version)> _versions = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="messageId"/> was processed.</summary>
    public void Processed(Guid messageId) => _messageIds.Add(messageId);

    /// <summary>
    /// Records <paramref name="version"/> as applied for <paramref name="subject"/>, whose row held <paramref name="read"/>
    /// when the transaction read it (null: no row); a concurrent change of that row fails the transaction.
    /// </summary>
    public void Applied(string subject, long? read, long version) =>
        _versions[subject] = (_versions.TryGetValue(subject, out var earlier) ? earlier.Read : read, version);

    public async Task SaveAsync(DbContext db, DateTime receiveTime, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            AddToChangeTracker(db, receiveTime);
            return;
        }

        // Table and column names as MessagingModel declares them (snake_case on both providers).
        if (_messageIds.Count > 0)
        {
            var ids = _messageIds.ToArray();
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (consumer, message_id, receive_time) SELECT {consumer}, id, {receiveTime} FROM unnest({ids}) AS id",
                cancellationToken);
        }

        var created = _versions.Where(v => v.Value.Read is null).ToList();
        if (created.Count > 0)
        {
            var subjects = created.Select(v => v.Key).ToArray();
            var versions = created.Select(v => v.Value.Version).ToArray();
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_subject_versions (consumer, subject, version) SELECT {consumer}, s.subject, s.version FROM unnest({subjects}, {versions}) AS s(subject, version)",
                cancellationToken);
        }

        var raised = _versions.Where(v => v.Value.Read is not null).ToList();
        if (raised.Count > 0)
        {
            var subjects = raised.Select(v => v.Key).ToArray();
            var reads = raised.Select(v => v.Value.Read!.Value).ToArray();
            var versions = raised.Select(v => v.Value.Version).ToArray();
            var updated = await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE inbox_subject_versions AS v SET version = s.version
                FROM unnest({subjects}, {reads}, {versions}) AS s(subject, read, version)
                WHERE v.consumer = {consumer} AND v.subject = s.subject AND v.version = s.read
                """,
                cancellationToken);
            if (updated != raised.Count)
            {
                // As the change tracker's concurrency token would: another transaction moved a version since it was read.
                throw new DbUpdateConcurrencyException($"{raised.Count - updated} of {raised.Count} subject versions changed since they were read.");
            }
        }
    }

    private void AddToChangeTracker(DbContext db, DateTime receiveTime)
    {
        foreach (var id in _messageIds)
        {
            db.Set<InboxMessage>().Add(new InboxMessage { Consumer = consumer, MessageId = id, ReceiveTime = receiveTime });
        }

        foreach (var (subject, (read, version)) in _versions)
        {
            var row = new InboxSubjectVersion { Consumer = consumer, Subject = subject, Version = read ?? version };
            if (read is null)
            {
                db.Set<InboxSubjectVersion>().Add(row);
            }
            else
            {
                // Attached as read, then raised: an UPDATE with the read version as its concurrency token.
                db.Set<InboxSubjectVersion>().Attach(row);
                row.Version = version;
            }
        }
    }
}
