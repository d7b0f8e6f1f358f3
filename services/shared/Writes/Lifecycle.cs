using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Writes;

/// <summary>
/// A resource's state machine: the transitions, each leading from some states to one. Anything not declared is refused
/// with the suite's one <c>ILLEGAL_STATE_TRANSITION</c> error, whose metadata keys are the same for every resource:
/// <c>resource</c>, <c>current_state</c>, <c>requested_transition</c>, <c>requested_state</c>,
/// <c>allowed_transitions</c>, <c>allowed_states</c>. States and transitions are named as callers act on them: the
/// proto's enum value (<c>PARK_STATE_UNDER_REVIEW</c>) and the method, with its argument when that picks the target
/// (<c>TransitionProject(PROJECT_STATE_COMPLETED)</c>). Build one per resource, once.
/// </summary>
/// <param name="stateName">The state as the API names it.</param>
/// <param name="transitionName">The transition as the API names it.</param>
public sealed class Lifecycle<TState, TTransition>(Func<TState, string> stateName, Func<TTransition, string> transitionName)
    where TState : struct, Enum
    where TTransition : notnull
{
    private readonly List<(TTransition Transition, TState[] From, TState To)> _steps = [];

    /// <summary>Declares <paramref name="transition"/>: from any of <paramref name="from"/> to <paramref name="to"/>.</summary>
    public Lifecycle<TState, TTransition> Allow(TTransition transition, TState to, params TState[] from)
    {
        _steps.Add((transition, from, to));
        return this;
    }

    public string ApiName(TState state) => stateName(state);

    public string ApiName(TTransition transition) => transitionName(transition);

    /// <summary>The transitions open from <paramref name="state"/>, in declaration order.</summary>
    public IReadOnlyList<TTransition> AllowedFrom(TState state) => [.. Open(state).Select(s => s.Transition)];

    public bool CanApply(TState state, TTransition transition) => Open(state).Any(s => Same(s.Transition, transition));

    /// <summary>The state <paramref name="transition"/> leads to (from wherever it is open).</summary>
    public TState Target(TTransition transition) => _steps.First(s => Same(s.Transition, transition)).To;

    /// <summary>
    /// The state <paramref name="transition"/> leads <paramref name="resource"/> to from <paramref name="current"/>;
    /// FAILED_PRECONDITION <c>ILLEGAL_STATE_TRANSITION</c> when it is not open.
    /// </summary>
    /// <param name="resource">The resource's name.</param>
    /// <param name="current">Its state.</param>
    /// <param name="transition">The transition requested.</param>
    /// <param name="position">How the message words where the resource stands, when its state alone does not say it.</param>
    public TState Require(string resource, TState current, TTransition transition, string? position = null)
    {
        var open = Open(current).ToList();
        if (open.FirstOrDefault(s => Same(s.Transition, transition)) is { From: not null } step)
        {
            return step.To;
        }

        var requested = _steps.FirstOrDefault(s => Same(s.Transition, transition));
        var allowed = open.Select(s => transitionName(s.Transition)).ToList();
        throw new ServiceException(ErrorKind.FailedPrecondition, "ILLEGAL_STATE_TRANSITION",
            $"{resource} is {position ?? stateName(current)}, so {transitionName(transition)} is not allowed; allowed: {(allowed.Count == 0 ? "none (final state)" : string.Join(", ", allowed))}.",
            new Dictionary<string, string>
            {
                ["resource"] = resource,
                ["current_state"] = stateName(current),
                ["requested_transition"] = transitionName(transition),
                ["requested_state"] = requested.From is null ? string.Empty : stateName(requested.To),
                ["allowed_transitions"] = string.Join(",", allowed),
                ["allowed_states"] = string.Join(",", open.Select(s => stateName(s.To)).Distinct()),
            });
    }

    private static bool Same(TTransition a, TTransition b) => EqualityComparer<TTransition>.Default.Equals(a, b);

    private IEnumerable<(TTransition Transition, TState[] From, TState To)> Open(TState state) =>
        _steps.Where(s => s.From.Contains(state));
}
