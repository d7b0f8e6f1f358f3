using Grpc.Core;
using Industry.Projects.Data;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>Progress against the year's plan: key projects under implementation and completed investment, per city.</summary>
internal sealed partial class ProjectsApi
{
    public override async Task<Proto.PlanProgress> GetPlanProgress(Proto.GetPlanProgressRequest request, ServerCallContext context)
    {
        var today = ChinaTime.Today(clock);
        var (year, month) = ResolvePeriod(request.Year, request.ThroughMonth, today);
        return await db.PlanProgressAsync(year, month, today, context.CancellationToken);
    }

    /// <summary>The year and last month to count: month 0 means the whole of a past year, or the current month of this one.</summary>
    internal static (int Year, int Month) ResolvePeriod(int year, int throughMonth, DateOnly today)
    {
        if (year < 2000 || year > today.Year)
        {
            throw ServiceException.InvalidArgument("year", $"must be from 2000 to the current year {today.Year}.");
        }

        if (throughMonth is < 0 or > 12)
        {
            throw ServiceException.InvalidArgument("through_month", "must be 1-12, or 0 for the year so far.");
        }

        var month = throughMonth == 0 ? (year < today.Year ? 12 : today.Month) : throughMonth;
        return year == today.Year && month > today.Month
            ? throw ServiceException.InvalidArgument("through_month", $"{year}-{month:D2} is in the future.")
            : (year, month);
    }
}
