using System.Globalization;
using System.Text;
using Grpc.Core;

namespace Industry.Benchmarks.Chaos;

/// <summary>The results file of the <c>chaos</c> command: the verdict, the writes, the events, and each fault with its lag and recovery.</summary>
internal sealed record ChaosReport(string Markdown, bool AllGoalsMet)
{
    /// <summary>The statuses an outage may answer with: the client can tell it and retry. Any other failure is listed as unclean.</summary>
    private static readonly StatusCode[] CleanStatuses = [StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.Aborted, StatusCode.ResourceExhausted];

    /// <summary>Events committed this long before a fault are counted as caught by it too.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(10);

    public static ChaosReport Create(
        ChaosSettings settings, MachineFacts machine, DateTime start, DateTime writesEnd, TimeSpan? settled, IReadOnlyCollection<WriteOutcome> writes, IReadOnlyList<Fault> faults, ChaosCheck check)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var failed = writes.Where(w => w.Status != StatusCode.OK).ToList();
        var unclean = failed.Where(w => !CleanStatuses.Contains(w.Status)).ToList();

        md.AppendLine("# Chaos run: results");
        md.AppendLine();
        md.AppendLine(c, $"Written by `scripts/bench-chaos.sh` (`Industry.Benchmarks chaos`) on {machine.Date:yyyy-MM-dd HH:mm} UTC. What each figure means: docs/benchmarks.md, \"Chaos run\".");
        md.AppendLine();
        md.AppendLine(c, $"## Verdict: {(check.Passed ? "PASS" : "**FAIL**")}");
        md.AppendLine();
        md.AppendLine("| check | found | |");
        md.AppendLine("| --- | ---: | --- |");
        md.AppendLine(c, $"| events lost (not applied by a consumer, left unpublished or quarantined in an outbox, or an acknowledged write without its event) | {check.Lost:N0} | {Mark(check.Lost == 0)} |");
        md.AppendLine(c, $"| messages left in error queues | {check.InErrorQueues:N0} | {Mark(check.InErrorQueues == 0)} |");
        md.AppendLine(c, $"| projections that differ from the projects (cluster rows, parks transformations) | {check.DivergedProjections.Count:N0} | {Mark(check.DivergedProjections.Count == 0)} |");
        md.AppendLine();
        md.AppendLine(c, $"{(writesEnd - start).TotalMinutes:N1} min of writes under {faults.Count} faults (seed {settings.Seed}), then {(settled is { } s ? $"the backlog drained in {s.TotalSeconds:N0} s" : $"**the backlog had not drained after {settings.SettleSeconds} s**")}; checked from the databases and the broker afterwards.");
        md.AppendLine();

        Writes(md, writes, failed, unclean);
        Events(md, check);
        Faults(md, start, writes, faults, check);
        Problems(md, check, faults);
        ReportTables.Machine(md, machine, "projects", "stopped and started by the fault injector");
        md.AppendLine(c, $"Run: `{settings.CommandLine}`.");
        return new ChaosReport(md.ToString(), check.Passed);
    }

    private static void Writes(StringBuilder md, IReadOnlyCollection<WriteOutcome> writes, List<WriteOutcome> failed, List<WriteOutcome> unclean)
    {
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("## Writes");
        md.AppendLine();
        md.AppendLine(c, $"{writes.Count:N0} attempted, **{writes.Count - failed.Count:N0} committed**, {failed.Count:N0} failed ({unclean.Count:N0} of them with a status other than {string.Join(", ", CleanStatuses)}). A failed write's outcome is unknown to the writer (it may have committed before the answer was lost); the checks below go by the databases, not by the answers.");
        md.AppendLine();
        md.AppendLine("| write | attempted | committed | failed |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var operation in writes.GroupBy(w => w.Operation).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ok = operation.Count(w => w.Status == StatusCode.OK);
            md.AppendLine(c, $"| {operation.Key} | {operation.Count():N0} | {ok:N0} | {operation.Count() - ok:N0} |");
        }

        md.AppendLine();
        md.AppendLine("| status of the failures | count | writes |");
        md.AppendLine("| --- | ---: | --- |");
        foreach (var status in failed.GroupBy(w => w.Status).OrderByDescending(g => g.Count()))
        {
            var operations = string.Join(", ", status.GroupBy(w => w.Operation).Select(g => string.Create(c, $"{g.Key} {g.Count()}")));
            md.AppendLine(c, $"| {status.Key}{(CleanStatuses.Contains(status.Key) ? string.Empty : " (unclean)")} | {status.Count():N0} | {operations} |");
        }

        md.AppendLine();
    }

    private static void Events(StringBuilder md, ChaosCheck check)
    {
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("## Events");
        md.AppendLine();
        md.AppendLine("| producer | events in the outbox | pending | quarantined |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var outbox in check.Outboxes)
        {
            md.AppendLine(c, $"| {outbox.Service} | {outbox.Total:N0} | {outbox.Pending:N0} | {outbox.Quarantined:N0} |");
        }

        md.AppendLine();
        md.AppendLine(c, $"The projects service's events by type: {string.Join(", ", check.ProjectEvents.GroupBy(e => e.Type[(e.Type.LastIndexOf('.') + 1)..]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => string.Create(c, $"{g.Key} {g.Count():N0}")))}.");
        md.AppendLine();
        md.AppendLine("| consumer | events meant for it | applied (in its inbox) | missing | inbox rows of no such event | subjects not at their newest version | lag p50 | lag p99 | lag max |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var consumer in check.Consumers)
        {
            var lags = LatencySummary.Of(consumer.Lags(check.ProjectEvents).Select(l => l.Seconds * 1000));
            md.AppendLine(c, $"| {consumer.Name} | {consumer.Expected:N0} | {consumer.Received:N0} | {consumer.Missing.Count:N0} | {consumer.Unexpected:N0} | {consumer.StaleSubjects.Count:N0} | {Seconds(lags.P50)} | {Seconds(lags.P99)} | {Seconds(lags.Max)} |");
        }

        md.AppendLine();
        md.AppendLine("Lag: the consumer's inbox receipt time minus the event's commit time in the producer's outbox. The inbox's key (consumer, message id) keeps a redelivered event from being applied twice; the newest version of every subject shows the last event was applied, not skipped.");
        md.AppendLine();
    }

    private static void Faults(StringBuilder md, DateTime start, IReadOnlyCollection<WriteOutcome> writes, IReadOnlyList<Fault> faults, ChaosCheck check)
    {
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("## Faults");
        md.AppendLine();
        md.AppendLine("| # | at (UTC, +min:s) | kind | target | lasted | writes failed | writes failing until after the lift | max lag | events caught up after |");
        md.AppendLine("| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var fault in faults)
        {
            // Up to 30 s after the lift, but not into the next fault: its failures are its own.
            var next = faults.FirstOrDefault(f => f.Number == fault.Number + 1)?.Start ?? DateTime.MaxValue;
            var windowEnd = new DateTime(Math.Min((fault.Lifted + TimeSpan.FromSeconds(30)).Ticks, next.Ticks), DateTimeKind.Utc);
            var window = writes.Where(w => w.Time >= fault.Start && w.Time < windowEnd).ToList();
            var lastFailure = window.Where(w => w.Status != StatusCode.OK).Select(w => (DateTime?)w.Time).Max();
            var back = lastFailure is { } f ? (f <= fault.Lifted ? "at the lift" : Seconds((f - fault.Lifted).TotalMilliseconds)) : "–";

            // The events the fault caught: committed from shortly before it began until it was lifted.
            var caught = check.ProjectEvents.Where(e => e.Occur >= fault.Start - Lead && e.Occur <= fault.Lifted).ToList();
            var lags = check.Consumers.SelectMany(consumer => consumer.Lags(caught)).ToList();
            var missing = check.Consumers.Any(consumer => consumer.Missing.Any(e => e.Occur >= fault.Start - Lead && e.Occur <= fault.Lifted));
            var lastReceipt = check.Consumers.SelectMany(consumer => consumer.Lags(caught).Select(l => l.Event.Occur.AddSeconds(l.Seconds))).Select(t => (DateTime?)t).Max();
            var caughtUp = missing ? "never (lost)" : lastReceipt is { } r ? Seconds(Math.Max(0, (r - fault.Lifted).TotalMilliseconds)) : "–";
            md.AppendLine(c, $"| {fault.Number} | {fault.Start:HH:mm:ss} (+{(fault.Start - start):mm\\:ss}) | {Describe(fault.Kind)} | {fault.Target}{(fault.Failure is null ? string.Empty : $" (**lifting it failed**: {fault.Failure})")} | {fault.Duration.TotalSeconds:N0} s | {window.Count(w => w.Status != StatusCode.OK):N0} | {back} | {(lags.Count == 0 ? "–" : Seconds(lags.Max(l => l.Seconds) * 1000))} | {caughtUp} |");
        }

        md.AppendLine();
        md.AppendLine("*lasted*: from the fault's start until it was lifted (for a kill: until the restarted process was live). *writes failed*: answered with an error from the start until 30 s after the lift (or the next fault's start, if sooner). *writes failing until after the lift*: the last of those failures, counted from the lift. *max lag* and *events caught up after*: over the events committed from 10 s before the fault until its lift, by either consumer: the longest commit-to-apply time, and the time from the lift until the last of them was applied.");
        md.AppendLine();
    }

    private static void Problems(StringBuilder md, ChaosCheck check, IReadOnlyList<Fault> faults)
    {
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("## What the checks found");
        md.AppendLine();
        var lines = new List<string>();
        foreach (var consumer in check.Consumers)
        {
            lines.AddRange(consumer.Missing.Select(e => string.Create(c,
                $"{consumer.Name} never applied {e.Type} {e.Subject} v{e.Version} (event {e.MessageId}, committed {e.Occur:HH:mm:ss.fff}{During(e.Occur, faults)})")));
            lines.AddRange(consumer.StaleSubjects);
        }

        lines.AddRange(check.Outboxes.Where(o => o.Pending + o.Quarantined > 0).Select(o => $"{o.Service}'s outbox still holds {o.Pending} pending and {o.Quarantined} quarantined rows"));
        lines.AddRange(check.AcknowledgedWithoutEvent);
        lines.AddRange(check.DivergedProjections);
        lines.AddRange(check.Queues.Where(q => q.Messages > 0).Select(q => string.Create(c, $"queue {q.Queue} holds {q.Messages} messages")));
        if (lines.Count == 0)
        {
            md.AppendLine("Nothing: every event was applied by every consumer it was meant for, every queue is empty.");
        }
        else
        {
            foreach (var line in lines.Take(200))
            {
                md.AppendLine("- " + line);
            }

            if (lines.Count > 200)
            {
                md.AppendLine(c, $"- … and {lines.Count - 200} more");
            }
        }

        md.AppendLine();
    }

    private static string During(DateTime time, IReadOnlyList<Fault> faults) =>
        faults.FirstOrDefault(f => time >= f.Start - Lead && time <= f.Lifted + TimeSpan.FromSeconds(30)) is { } fault
            ? $", around fault {fault.Number}: {Describe(fault.Kind)} {fault.Target}"
            : string.Empty;

    private static string Describe(FaultKind kind) => kind switch
    {
        FaultKind.BrokerStopped => "broker stopped",
        FaultKind.DatabaseRefused => "database refused connections",
        _ => "SIGKILL and restart",
    };

    private static string Mark(bool ok) => ok ? "pass" : "**FAIL**";

    private static string Seconds(double milliseconds) => double.IsNaN(milliseconds)
        ? "–"
        : (milliseconds / 1000).ToString(milliseconds < 10_000 ? "N2" : "N1", CultureInfo.InvariantCulture) + " s";
}
