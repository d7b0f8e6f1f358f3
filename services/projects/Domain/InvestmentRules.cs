namespace Industry.Projects.Domain;

/// <summary>What a monthly investment report must satisfy.</summary>
public static class InvestmentRules
{
    /// <summary>
    /// Checks a report of <paramref name="amount"/> for <paramref name="period"/> on <paramref name="project"/>,
    /// replacing <paramref name="replacedAmount"/> (what the replaced report counts: 0 for a new month or one not
    /// approved): the project has started, the month is neither before its actual start nor after the current month, and
    /// the cumulative total, were the report approved, stays within the total investment.
    /// </summary>
    public static void Check(Project project, ReportingPeriod period, long amount, long replacedAmount, DateOnly today)
    {
        if (!ProjectLifecycle.HasStarted(project.State) || project.ActualStartDate is not { } start)
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "PROJECT_NOT_STARTED",
                $"{project.Name} is {ProjectLifecycle.ApiName(project.State)}; investment is reported once construction has started.",
                new Dictionary<string, string> { ["resource"] = project.Name, ["state"] = ProjectLifecycle.ApiName(project.State) });
        }

        var cumulative = project.CumulativeCompletedInvestmentYuan - replacedAmount + amount;
        ServiceException.ThrowIfAny(new Violations()
            .Add("period", period < ReportingPeriod.Of(start) ? $"{period} is before the project's actual start ({ReportingPeriod.Of(start)})." : null)
            .Add("period", period > ReportingPeriod.Of(today) ? $"{period} is in the future." : null)
            .Add("completed_investment_yuan", amount < 0 ? "must not be negative."
                : cumulative > project.TotalInvestmentYuan
                    ? $"would bring the cumulative completed investment to {cumulative} yuan, above the total investment of {project.TotalInvestmentYuan}."
                    : null));
    }
}
