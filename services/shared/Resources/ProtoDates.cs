using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Resources;

/// <summary><c>google.type.Date</c> to and from <see cref="DateOnly"/>; a missing or all-zero date is "not set".</summary>
public static class ProtoDates
{
    public static Google.Type.Date? ToProtoDate(this DateOnly? date) =>
        date is { } d ? new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;

    /// <summary>The calendar date, null when absent; INVALID_ARGUMENT on <paramref name="field"/> for a date that does not exist.</summary>
    public static DateOnly? ToDateOnly(this Google.Type.Date? date, string field)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            return null;
        }

        if (date.Year is < 1900 or > 2200 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            throw ServiceException.InvalidArgument(field, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a calendar date (full dates only).");
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }
}
