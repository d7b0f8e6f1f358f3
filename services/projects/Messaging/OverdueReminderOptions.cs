namespace Industry.Projects.Messaging;

/// <summary>The reminder job's settings (section <c>OverdueReminders</c>).</summary>
public sealed class OverdueReminderOptions
{
    public const string Section = "OverdueReminders";

    /// <summary>Run the job in this process. Default true; a test may switch it off to run rounds itself.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Pause between rounds. Default 300 s: a reminder follows its deadline within minutes, and an idle round costs one query per month.</summary>
    public int IntervalSeconds { get; set; } = 300;

    /// <summary>
    /// How many months back a round looks (the months before the current one whose deadline has passed). Default 3: a
    /// replica down for weeks still catches up, while a new installation with years of history does not remind of them.
    /// </summary>
    public int CatchUpMonths { get; set; } = 3;

    /// <summary>Reminders per transaction. Default 2,000: a month of 50,000 projects in 25 writes.</summary>
    public int BatchSize { get; set; } = 2000;
}
