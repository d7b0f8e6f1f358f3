using Industry.Common.V1;

namespace Industry.ServiceDefaults.Reporting;

/// <summary>完成率: a programme's figure against the year's target, as every progress method reports it (<c>TargetProgress</c>).</summary>
public static class Targets
{
    /// <summary>Actual against target in percent, rounded to one decimal; null when there is no target (none, or 0).</summary>
    public static double? CompletionPercent(long actual, long? target) =>
        target is null or 0 ? null : Math.Round((double)actual / target.Value * 100, 1, MidpointRounding.AwayFromZero);

    /// <summary><paramref name="actual"/> against <paramref name="target"/>: the target and percentage absent when no target is set.</summary>
    public static TargetProgress Against(int actual, int? target)
    {
        var progress = new TargetProgress { Actual = actual };
        if (target is { } t)
        {
            progress.Target = t;
            if (CompletionPercent(actual, t) is { } percent)
            {
                progress.CompletionPercent = percent;
            }
        }

        return progress;
    }
}
