using Industry.Common.V1;
using Industry.Parks.Api;
using Industry.Parks.Data;
using Industry.ServiceDefaults.Messaging.Inbox;
using Industry.ServiceDefaults.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using ProjectState = Industry.Projects.V1.ProjectState;
using ProjectStateChanged = Industry.Projects.V1.ProjectStateChanged;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Messaging;

/// <summary>
/// Records the transformation a completed digital-transformation project implies (<see cref="ProjectCompletion"/>),
/// through the inbox: a duplicate delivery, or an event older than one already applied for the project, changes
/// nothing. Levels only go up, and DIGITALLY_TRANSFORMED is the lowest, so an enterprise that already has a record in
/// the park (reported, or from another project) keeps it unchanged. A park that does not exist (deleted since the
/// project named it), no longer accepts transformations (REJECTED, REVOKED) or is in another city than the project
/// (counted by <see cref="ProjectEventMetrics.RefusedOtherCityInstrument"/>) is not an error: the event is logged as a warning and
/// acknowledged, because retrying cannot make it apply.
/// </summary>
internal sealed partial class ProjectCompletionConsumer(ParksDbContext db, EventOutbox outbox, TimeProvider clock, ILogger<ProjectCompletionConsumer> logger)
    : InboxConsumer<ProjectStateChanged>(db, clock, logger)
{
    private readonly ParksDbContext _db = db;

    protected override string ConsumerName => "parks-project-transformations";

    protected override async Task HandleAsync(ProjectStateChanged message, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var project = message.Project;
        if (project is null || ProjectCompletion.Evaluate(Facts(project)) is not { } implied)
        {
            return;
        }

        if (Uscc.Problem(implied.EnterpriseUscc) is not null)
        {
            LogSkipped(Logger, project.Name, project.Park, "its enterprise USCC is not valid");
            return;
        }

        var park = await _db.Parks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == implied.ParkId, cancellationToken);
        if (park is null || !ParkLifecycle.AcceptsTransformations(park.State))
        {
            LogSkipped(Logger, project.Name, project.Park, park is null ? "the park does not exist" : $"the park is {ParkLifecycle.ApiName(park.State)}");
            return;
        }

        // The projects service refuses such a reference (ADR 0017), but a project stored before that rule, or an event
        // from elsewhere, must not count in another city's digital progress either. An event without a city is refused
        // too: every project has one. Retrying cannot change the answer, so the event is acknowledged, not failed.
        if (project.CityCode.Length == 0 || project.CityCode != park.CityCode)
        {
            LogRefusedOtherCity(Logger, project.Name, project.CityCode, park.Name, park.CityCode);
            ProjectEventMetrics.RefusedOtherCity(park.CityCode);
            return;
        }

        // Another event of the same group commit may have created the record already: look among the tracked ones too.
        var id = Transformation.IdOf(park.Id, implied.EnterpriseUscc);
        if (_db.Transformations.Local.Any(t => t.Id == id) || await _db.Transformations.AnyAsync(t => t.Id == id, cancellationToken))
        {
            LogAlreadyRecorded(Logger, project.Name, id);
            return;
        }

        var now = WireTime.UtcNow(Clock);
        var previousVersion = await _db.LastVersionAsync($"{park.Name}/{Transformation.Collection}/{implied.EnterpriseUscc}", cancellationToken);
        var transformation = Transformation.Create(park, implied.EnterpriseUscc, implied.EnterpriseDisplayName, string.Empty, implied.Reached, now, ProjectCompletion.Actor, previousVersion);
        _db.Transformations.Add(transformation);
        outbox.Add(new Proto.TransformationRecorded { Transformation = transformation.ToProto() }, transformation.Name, transformation.Version, ProjectCompletion.Actor);
    }

    private static ProjectFacts Facts(Projects.V1.Project project) => new(
        project.Name,
        project.Park,
        project.DigitalTransformation,
        project.State is ProjectState.Completed or ProjectState.InProduction,
        project.ActualCompletionDate is { Year: > 0, Month: >= 1 and <= 12, Day: >= 1 } date && date.Day <= DateTime.DaysInMonth(date.Year, date.Month)
            ? new DateOnly(date.Year, date.Month, date.Day)
            : null,
        project.EnterpriseUscc,
        project.EnterpriseDisplayName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Project} completed as a digital-transformation project in {Park}, but no transformation is recorded: {Why}")]
    private static partial void LogSkipped(ILogger logger, string project, string park, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Project} of city {ProjectCity} completed as a digital-transformation project in {Park} of city {ParkCity}; refused: a project records transformations only in a park of its own city")]
    private static partial void LogRefusedOtherCity(ILogger logger, string project, string projectCity, string park, string parkCity);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Project} completed; its enterprise already has transformation {Transformation}, kept unchanged (levels only go up)")]
    private static partial void LogAlreadyRecorded(ILogger logger, string project, string transformation);
}

/// <summary>
/// Keeps the consumer's queue on the name it was deployed with, <c>{prefix}-project-state-changed</c> (after the event it
/// consumes), which the endpoint name formatter would no longer derive from the class name: queues, their bindings and
/// dead letters stay where they are.
/// </summary>
internal sealed class ProjectCompletionConsumerDefinition : ConsumerDefinition<ProjectCompletionConsumer>, IConsumerDefinition
{
    string IConsumerDefinition.GetEndpointName(IEndpointNameFormatter formatter)
    {
        var derived = formatter.Consumer<ProjectCompletionConsumer>(); // the prefix, then the class name without "Consumer"
        return derived[..^formatter.SanitizeName("ProjectCompletion").Length] + formatter.SanitizeName(nameof(ProjectStateChanged));
    }
}
