namespace Industry.ServiceDefaults.Resources;

/// <summary>
/// Calendar dates in China Standard Time (UTC+8 all year, no daylight saving), the time the department's dates,
/// months and years are in: "today", "the current month", "not in the future".
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
