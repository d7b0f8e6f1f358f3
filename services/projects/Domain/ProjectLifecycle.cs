namespace Industry.Projects.Domain;

/// <summary>
/// The state machine of a key renovation project: RESERVE → UNDER_CONSTRUCTION → COMPLETED → IN_PRODUCTION;
/// UNDER_CONSTRUCTION ↔ SUSPENDED; CANCELLED from RESERVE or SUSPENDED. Anything else is refused. The one method,
/// <c>TransitionProject</c>, names its target state, so a transition is its target.
/// </summary>
public static class ProjectLifecycle
{
    /// <summary>Declared in the order the allowed states are listed in (UNDER_CONSTRUCTION before CANCELLED, COMPLETED before SUSPENDED).</summary>
    public static readonly Lifecycle<ProjectState, ProjectState> Workflow = new Lifecycle<ProjectState, ProjectState>(ApiName, s => $"TransitionProject({ApiName(s)})")
        .Allow(ProjectState.UnderConstruction, ProjectState.UnderConstruction, ProjectState.Reserve, ProjectState.Suspended)
        .Allow(ProjectState.Completed, ProjectState.Completed, ProjectState.UnderConstruction)
        .Allow(ProjectState.Suspended, ProjectState.Suspended, ProjectState.UnderConstruction)
        .Allow(ProjectState.InProduction, ProjectState.InProduction, ProjectState.Completed)
        .Allow(ProjectState.Cancelled, ProjectState.Cancelled, ProjectState.Reserve, ProjectState.Suspended)
        .Allow(ProjectState.Reserve, ProjectState.Reserve); // from nowhere: a request for it is refused, naming it as its requested state

    /// <summary>The state as the API names it (<c>PROJECT_STATE_UNDER_CONSTRUCTION</c>), for error messages callers act on.</summary>
    public static string ApiName(ProjectState state) => ApiEnumNames.Of(state, "PROJECT_STATE_");

    /// <summary>Construction has begun: investment can be reported (from UNDER_CONSTRUCTION on, suspension included).</summary>
    public static bool HasStarted(ProjectState state) => state is not (ProjectState.Reserve or ProjectState.Cancelled);
}
