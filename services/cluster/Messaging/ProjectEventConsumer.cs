using Industry.Clusters.Data;
using Industry.Common.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Messaging.Inbox;

namespace Industry.Clusters.Messaging;

/// <summary>
/// A consumer of one project event type. All of them share one inbox name, so that the inbox orders every event about
/// a project by the one counter the projects service gives them all (the project's version): a late
/// <c>ProjectUpdated</c> is skipped after a newer <c>InvestmentReported</c>, whichever queue it came through.
/// </summary>
internal abstract class ProjectEventConsumer<TEvent> : InboxConsumer<TEvent>
    where TEvent : class, Google.Protobuf.IMessage<TEvent>
{
    private readonly ClusterDbContext _db;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    protected ProjectEventConsumer(ClusterDbContext db, TimeProvider clock, ILogger logger)
        : base(db, clock, logger) => (_db, _clock, _logger) = (db, clock, logger);

    /// <summary>The inbox's consumer name of every project event consumer.</summary>
    public const string InboxName = "cluster-renovation-projects";

    protected override string ConsumerName => InboxName;

    /// <summary>Whether the event removes the project (<c>ProjectDeleted</c>).</summary>
    protected virtual bool Removes => false;

    /// <summary>The project after the change, as the event carries it.</summary>
    protected abstract Project ProjectOf(TEvent message);

    protected override Task HandleAsync(TEvent message, EventMetadata metadata, CancellationToken cancellationToken) =>
        RenovationProjectProjection.ApplyAsync(_db, ProjectOf(message), metadata.SubjectVersion, Removes, _clock.GetUtcNow().UtcDateTime, _logger, cancellationToken);
}

internal sealed class ProjectCreatedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<ProjectCreatedConsumer> logger)
    : ProjectEventConsumer<ProjectCreated>(db, clock, logger)
{
    protected override Project ProjectOf(ProjectCreated message) => message.Project;
}

internal sealed class ProjectUpdatedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<ProjectUpdatedConsumer> logger)
    : ProjectEventConsumer<ProjectUpdated>(db, clock, logger)
{
    protected override Project ProjectOf(ProjectUpdated message) => message.Project;
}

internal sealed class ProjectStateChangedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<ProjectStateChangedConsumer> logger)
    : ProjectEventConsumer<ProjectStateChanged>(db, clock, logger)
{
    protected override Project ProjectOf(ProjectStateChanged message) => message.Project;
}

internal sealed class ProjectDeletedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<ProjectDeletedConsumer> logger)
    : ProjectEventConsumer<ProjectDeleted>(db, clock, logger)
{
    protected override bool Removes => true;

    protected override Project ProjectOf(ProjectDeleted message) => message.Project;
}

internal sealed class InvestmentReportedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<InvestmentReportedConsumer> logger)
    : ProjectEventConsumer<InvestmentReported>(db, clock, logger)
{
    protected override Project ProjectOf(InvestmentReported message) => message.Project;
}

internal sealed class InvestmentReportDeletedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<InvestmentReportDeletedConsumer> logger)
    : ProjectEventConsumer<InvestmentReportDeleted>(db, clock, logger)
{
    protected override Project ProjectOf(InvestmentReportDeleted message) => message.Project;
}
