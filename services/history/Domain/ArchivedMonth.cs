namespace Industry.History.Domain;

/// <summary>
/// A month of history moved out of the database (已归档月份): its partition was detached, dumped and dropped by the
/// archive procedure (docs/deploy.md, ADR 0043). Its row stays so that a replay asking for what it held is told so.
/// </summary>
public sealed class ArchivedMonth
{
    /// <summary>The first instant of the month (UTC) the entries were stored in.</summary>
    public DateTime MonthStart { get; init; }

    /// <summary>The first instant of the next month: every entry stored before it has been archived.</summary>
    public DateTime MonthEnd { get; init; }

    /// <summary>The partition's table, as it is named in the dump.</summary>
    public required string TableName { get; init; }

    public long EntryCount { get; init; }

    /// <summary>The month's first and last positions; 0 for a month with no entries.</summary>
    public long FirstPosition { get; init; }

    /// <summary>The highest position archived so far when the month was archived: the archive horizon.</summary>
    public long LastPosition { get; init; }

    public DateTime ArchiveTime { get; init; }
}
