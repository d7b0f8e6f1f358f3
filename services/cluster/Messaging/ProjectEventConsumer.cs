using Google.Protobuf.Reflection;
using Industry.Clusters.Data;
using Industry.Common.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Messaging.Inbox;
using Industry.ServiceDefaults.Messaging.Wire;

namespace Industry.Clusters.Messaging;

/// <summary>
/// A consumer of one project event type. All of them share one inbox name, so that the inbox orders every event about
/// a project by the one counter the projects service gives them all (the project's version): a late
/// <c>ProjectUpdated</c> is skipped after a newer <c>InvestmentReported</c>, whichever queue it came through.
/// </summary>
internal abstract class ProjectEventConsumer<TEvent> : InboxConsumer<TEvent>
    where TEvent : class, Google.Protobuf.IMessage<TEvent>
{
    /// <summary>Every project event carries the project after the change, in its field <c>project</c>.</summary>
    private static readonly FieldDescriptor ProjectField = EventCatalog.For<TEvent>().Descriptor.FindFieldByName("project");

    /// <summary>Whether the event removes the project.</summary>
    private static readonly bool Removes = typeof(TEvent) == typeof(ProjectDeleted);

    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    protected ProjectEventConsumer(ClusterDbContext db, TimeProvider clock, ILogger logger)
        : base(db, clock, logger) => (_clock, _logger) = (clock, logger);

    protected override string ConsumerName => "cluster-renovation-projects";

    protected override Task HandleAsync(TEvent message, EventMetadata metadata, CancellationToken cancellationToken) =>
        RenovationProjectProjection.ApplyAsync(
            (ClusterDbContext)Db, (Project)ProjectField.Accessor.GetValue(message), metadata.SubjectVersion, Removes, _clock.GetUtcNow().UtcDateTime, _logger, cancellationToken);
}

internal sealed class ProjectCreatedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<ProjectCreatedConsumer> logger)
    : ProjectEventConsumer<ProjectCreated>(db, clock, logger);

internal sealed class ProjectUpdatedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<ProjectUpdatedConsumer> logger)
    : ProjectEventConsumer<ProjectUpdated>(db, clock, logger);

internal sealed class ProjectStateChangedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<ProjectStateChangedConsumer> logger)
    : ProjectEventConsumer<ProjectStateChanged>(db, clock, logger);

internal sealed class ProjectDeletedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<ProjectDeletedConsumer> logger)
    : ProjectEventConsumer<ProjectDeleted>(db, clock, logger);

internal sealed class InvestmentReportedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<InvestmentReportedConsumer> logger)
    : ProjectEventConsumer<InvestmentReported>(db, clock, logger);

internal sealed class InvestmentReportDeletedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<InvestmentReportDeletedConsumer> logger)
    : ProjectEventConsumer<InvestmentReportDeleted>(db, clock, logger);

internal sealed class InvestmentReportApprovedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<InvestmentReportApprovedConsumer> logger)
    : ProjectEventConsumer<InvestmentReportApproved>(db, clock, logger);

internal sealed class InvestmentReportReturnedConsumer(ClusterDbContext db, TimeProvider clock, ILogger<InvestmentReportReturnedConsumer> logger)
    : ProjectEventConsumer<InvestmentReportReturned>(db, clock, logger);
