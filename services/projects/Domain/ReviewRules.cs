namespace Industry.Projects.Domain;

/// <summary>What a review (审核) of an investment report must satisfy, beyond its state (<see cref="InvestmentReport.Approve"/>, <see cref="InvestmentReport.Return"/>).</summary>
public static class ReviewRules
{
    /// <summary>
    /// Approving counts the report: refused (FAILED_PRECONDITION) when that would bring <paramref name="project"/>'s
    /// cumulative completed investment above its total; submitted reports were checked as if approved, but an earlier
    /// report approved since may have used the room.
    /// </summary>
    public static void CheckApproval(Project project, InvestmentReport report)
    {
        var cumulative = project.CumulativeCompletedInvestmentYuan + report.CompletedInvestmentYuan;
        if (cumulative > project.TotalInvestmentYuan)
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "CUMULATIVE_ABOVE_TOTAL",
                $"Approving {report.Name} would bring the cumulative completed investment of {project.Name} to {cumulative} yuan, above its total investment of {project.TotalInvestmentYuan}.",
                new Dictionary<string, string> { ["resource"] = report.Name });
        }
    }

    /// <summary>The state's API name, <c>REVIEW_STATE_SUBMITTED</c>.</summary>
    public static string ApiName(ReviewState state) => ApiEnumNames.Of(state, "REVIEW_STATE_");
}
