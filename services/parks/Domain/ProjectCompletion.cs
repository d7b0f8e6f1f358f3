namespace Industry.Parks.Domain;

/// <summary>
/// What a renovation project event means for the parks: a project flagged digital transformation, in a
/// park, that has reached completion (COMPLETED, or IN_PRODUCTION after it) transforms its enterprise in that park at
/// DIGITALLY_TRANSFORMED, dated the year of its actual completion. Judged from the project's state after the event, not
/// from the transition, so that a later event that arrives first (IN_PRODUCTION before COMPLETED) records the same thing
/// and the earlier one, skipped as stale, loses nothing.
/// </summary>
public static class ProjectCompletion
{
    /// <summary>The actor of changes the parks service makes on its own from events.</summary>
    public const string Actor = "service:parks";

    /// <summary>The transformation <paramref name="project"/> implies, or null when it implies none.</summary>
    public static ProjectTransformation? Evaluate(ProjectFacts project)
    {
        if (!project.DigitalTransformation || !project.ReachedCompletion || project.CompletionDate is not { } completed)
        {
            return null;
        }

        if (!ResourceName.IsName(project.Park, Park.Collection))
        {
            return null; // not in a park
        }

        return new ProjectTransformation(
            project.Park[(Park.Collection.Length + 1)..],
            project.EnterpriseUscc.ToUpperInvariant(),
            project.EnterpriseDisplayName,
            new LevelReached(TransformationLevel.DigitallyTransformed, completed.Year, TransformationSource.Project, project.Name));
    }
}

/// <summary>The facts of a project, as its event carries them, that decide whether it transforms an enterprise.</summary>
public sealed record ProjectFacts(
    string Name,
    string Park,
    bool DigitalTransformation,
    bool ReachedCompletion,
    DateOnly? CompletionDate,
    string EnterpriseUscc,
    string EnterpriseDisplayName);

/// <summary>The transformation a completed project records: its enterprise in its park at a level and year.</summary>
public sealed record ProjectTransformation(string ParkId, string EnterpriseUscc, string EnterpriseDisplayName, LevelReached Reached);
