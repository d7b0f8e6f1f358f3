using Google.Protobuf;
using Industry.Projects.Api;
using Industry.Projects.Data;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Writes;

/// <summary>月度关账: closing a month, which stores its published figures once and for all.</summary>
internal sealed class ReportingPeriodWrites(ProjectsDbContext db)
{
    /// <summary>
    /// Closes the month of <paramref name="name"/> (<c>reportingPeriods/{YYYY-MM}</c>) with its figures computed now (plan
    /// progress, reporting status, lagging projects), in the write's transaction and under the month's lock
    /// (<see cref="PeriodLocks"/>), and raises <c>ReportingPeriodClosed</c> about it.
    /// </summary>
    public async Task<Proto.ReportingPeriod> CloseAsync(Write write, string name)
    {
        var period = PeriodClosing.ParseName(name, ClosedPeriod.Collection, write.Today);
        PeriodClosing.RequireEnded(period, write.Today);
        await write.LockPeriodForCloseAsync(db, period);
        if (await db.ClosedAsync(period, write.CancellationToken) is { } closed)
        {
            throw PeriodClosing.AlreadyClosed(closed);
        }

        var figures = await db.CurrentFiguresAsync(period, write.Now, write.Today, write.CancellationToken);
        // The list is kept as the snapshot's own fields 6 and 7, so that reading it back is a merge into the snapshot.
        var lagging = new Proto.ProgressSnapshot { LaggingProjects = { figures.LaggingProjects }, LaggingProjectsTruncated = figures.LaggingProjectsTruncated };
        var closing = await write.AddAbsentAsync(
            db.ClosedPeriods,
            ClosedPeriod.Collection + "/" + period,
            version => new ClosedPeriod(period, figures.PlanProgress.ToByteArray(), figures.ReportingStatus.ToByteArray(), lagging.ToByteArray(), write.Now, write.Actor, version));
        var proto = closing.ToProto();
        write.Raise(new Proto.ReportingPeriodClosed { ReportingPeriod = proto }, closing);
        return proto;
    }
}
