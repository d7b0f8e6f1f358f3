using Google.Protobuf;
using Industry.Projects.Api;
using Industry.Projects.Data;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Writes;

/// <summary>月度关账: closing a month, which stores its published figures once and for all.</summary>
internal sealed class ReportingPeriodWrites(ProjectsDbContext db)
{
    /// <summary>
    /// Closes the month of <paramref name="name"/> (<c>reportingPeriods/{YYYY-MM}</c>) with the plan progress computed
    /// now, in the write's transaction, and raises <c>ReportingPeriodClosed</c> about it.
    /// </summary>
    public async Task<Proto.ReportingPeriod> CloseAsync(Write write, string name)
    {
        var period = PeriodClosing.ParseName(name, ClosedPeriod.Collection, write.Today);
        PeriodClosing.RequireEnded(period, write.Today);
        if (await db.ClosedAsync(period, write.CancellationToken) is { } closed)
        {
            throw PeriodClosing.AlreadyClosed(closed);
        }

        var planProgress = await db.PlanProgressAsync(period.Year, period.Month, write.Today, write.CancellationToken);
        var closing = await write.AddAbsentAsync(db.ClosedPeriods, ClosedPeriod.Collection + "/" + period, version => new ClosedPeriod(period, planProgress.ToByteArray(), write.Now, write.Actor, version));
        var proto = closing.ToProto();
        write.Raise(new Proto.ReportingPeriodClosed { ReportingPeriod = proto }, closing);
        return proto;
    }
}
