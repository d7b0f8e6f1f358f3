namespace Industry.Projects.Domain;

/// <summary>
/// 月度关账: the rules of closing a month and of changing its reports afterwards. A month is closed once it has ended,
/// only once; a report of a closed month changes only by a province admin who says why (a correction).
/// </summary>
public static class PeriodClosing
{
    /// <summary>The <c>ErrorInfo.reason</c> of a change to a closed month's report that is no correction.</summary>
    public const string PeriodClosed = "PERIOD_CLOSED";

    public const string PeriodAlreadyClosed = "PERIOD_ALREADY_CLOSED";

    public const string PeriodNotEnded = "PERIOD_NOT_ENDED";

    /// <summary>The month of <paramref name="name"/>, <c>{collection}/{YYYY-MM}</c>; INVALID_ARGUMENT for another shape or a future month.</summary>
    public static ReportingPeriod ParseName(string name, string collection, DateOnly today, string field = "name")
    {
        var id = ResourceName.Id(name, collection, field);
        var period = ReportingPeriod.TryParse(id) ?? throw ServiceException.InvalidArgument(field, $"must be '{collection}/YYYY-MM' with a month from 2000-01 to 2100-12.");
        return period > ReportingPeriod.Of(today)
            ? throw ServiceException.InvalidArgument(field, $"{period} is in the future.")
            : period;
    }

    /// <summary>FAILED_PRECONDITION <see cref="PeriodNotEnded"/> for the current month: its reports are still coming in.</summary>
    public static void RequireEnded(ReportingPeriod period, DateOnly today)
    {
        if (period >= ReportingPeriod.Of(today))
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, PeriodNotEnded,
                $"{period} has not ended; a month can be closed from the first day of the next.",
                new Dictionary<string, string> { ["period"] = period.ToString() });
        }
    }

    /// <summary>FAILED_PRECONDITION <see cref="PeriodAlreadyClosed"/>: when and by whom it was.</summary>
    public static ServiceException AlreadyClosed(ClosedPeriod closed) =>
        new(ErrorKind.FailedPrecondition, PeriodAlreadyClosed,
            $"{closed.Period} was closed at {closed.CreateTime:yyyy-MM-ddTHH:mm:ssZ} by {closed.UpdateActor}; a month is closed once.",
            new Dictionary<string, string>
            {
                ["resource"] = closed.Name,
                ["close_time"] = closed.CreateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                ["close_actor"] = closed.UpdateActor,
            });

    /// <summary>
    /// Whether a change of <paramref name="resource"/>, a report of <paramref name="period"/>, is a correction: the
    /// trimmed reason when the month is closed and a province admin gives one; null when the month is open (and no
    /// reason is given). FAILED_PRECONDITION <see cref="PeriodClosed"/> for a closed month's change by another role or
    /// without a reason; INVALID_ARGUMENT for a reason given for an open month, or a reason too long.
    /// </summary>
    public static string? Correction(bool closed, bool byProvinceAdmin, string correctionReason, string resource, ReportingPeriod period, string field = "correction_reason")
    {
        var reason = correctionReason.Trim();
        if (!closed)
        {
            return reason.Length == 0
                ? null
                : throw ServiceException.InvalidArgument(field, $"{period} is not closed: only a report of a closed month is corrected; leave it empty.");
        }

        if (!byProvinceAdmin)
        {
            throw Closed(resource, period, $"{period} is closed: only a province admin may correct its reports.");
        }

        if (reason.Length == 0)
        {
            throw Closed(resource, period, $"{period} is closed: a correction of its reports needs a correction_reason.");
        }

        return FieldText.ReasonProblem(reason) is { } problem ? throw ServiceException.InvalidArgument(field, problem) : reason;
    }

    private static ServiceException Closed(string resource, ReportingPeriod period, string message) =>
        new(ErrorKind.FailedPrecondition, PeriodClosed, message,
            new Dictionary<string, string> { ["resource"] = resource, ["period"] = period.ToString() });
}
