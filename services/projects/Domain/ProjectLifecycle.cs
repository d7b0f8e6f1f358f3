using System.Collections.Frozen;

namespace Industry.Projects.Domain;

/// <summary>
/// The state machine of a key renovation project: RESERVE → UNDER_CONSTRUCTION → COMPLETED → IN_PRODUCTION;
/// UNDER_CONSTRUCTION ↔ SUSPENDED; CANCELLED from RESERVE or SUSPENDED. Anything else is refused.
/// </summary>
public static class ProjectLifecycle
{
    private static readonly FrozenDictionary<ProjectState, ProjectState[]> Next = new Dictionary<ProjectState, ProjectState[]>
    {
        [ProjectState.Reserve] = [ProjectState.UnderConstruction, ProjectState.Cancelled],
        [ProjectState.UnderConstruction] = [ProjectState.Completed, ProjectState.Suspended],
        [ProjectState.Suspended] = [ProjectState.UnderConstruction, ProjectState.Cancelled],
        [ProjectState.Completed] = [ProjectState.InProduction],
        [ProjectState.InProduction] = [],
        [ProjectState.Cancelled] = [],
    }.ToFrozenDictionary();

    /// <summary>The states a project in <paramref name="state"/> may move to, in a stable order.</summary>
    public static IReadOnlyList<ProjectState> AllowedFrom(ProjectState state) => Next[state];

    public static bool CanMove(ProjectState from, ProjectState to) => Next[from].Contains(to);

    /// <summary>The state as the API names it (<c>PROJECT_STATE_UNDER_CONSTRUCTION</c>), for error messages callers act on.</summary>
    public static string ApiName(ProjectState state) =>
        "PROJECT_STATE_" + string.Concat(state.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));

    /// <summary>Construction has begun: investment can be reported (from UNDER_CONSTRUCTION on, suspension included).</summary>
    public static bool HasStarted(ProjectState state) => state is not (ProjectState.Reserve or ProjectState.Cancelled);
}
