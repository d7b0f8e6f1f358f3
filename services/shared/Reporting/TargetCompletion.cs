using Industry.Common.V1;

namespace Industry.ServiceDefaults.Reporting;

/// <summary>A progress figure against its target (<c>industry.common.v1.TargetProgress</c>), as every progress method reports it.</summary>
public static class TargetCompletion
{
    /// <summary>Actual against target, in percent to one decimal; null when there is no target or it is 0.</summary>
    public static double? Percent(long actual, long? target) =>
        target is null or 0 ? null : Math.Round((double)actual / target.Value * 100, 1, MidpointRounding.AwayFromZero);

    /// <summary><paramref name="actual"/> with the target and completion when a target is set; without them otherwise.</summary>
    public static TargetProgress Of(int actual, int? target)
    {
        var progress = new TargetProgress { Actual = actual };
        if (target is { } t)
        {
            progress.Target = t;
            if (Percent(actual, t) is { } percent)
            {
                progress.CompletionPercent = percent;
            }
        }

        return progress;
    }
}
