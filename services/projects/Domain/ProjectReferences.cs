using Industry.ServiceDefaults.Errors;

namespace Industry.Projects.Domain;

/// <summary>A reference of a project to a resource of another service: the field that holds it and the name.</summary>
public sealed record ProjectReference(string Field, string Name);

/// <summary>
/// Which of a project's cluster and park references must be checked with their services, and the error when a check
/// fails. Both are pure, so the single-project methods and the bulk import share them: the import looks up the distinct
/// references of a batch with one <see cref="IReferenceChecker.LookUpAsync"/> and then applies <see cref="Require"/> to
/// each row.
/// </summary>
public static class ProjectReferences
{
    /// <summary>The <c>ErrorInfo.reason</c> and precondition type of a reference to a resource that does not exist.</summary>
    public const string NotFoundReason = "REFERENCE_NOT_FOUND";

    /// <summary>
    /// The references of <paramref name="draft"/> to check: those set and different from <paramref name="stored"/>
    /// (every set one for a new project). An unchanged reference was checked when it was stored, and a cleared one needs
    /// no check, so an update that keeps its cluster and park calls nobody.
    /// </summary>
    public static IReadOnlyList<ProjectReference> ToCheck(ProjectDraft draft, ProjectDraft? stored, string prefix = "project.")
    {
        var references = new List<ProjectReference>(2);
        if (draft.Cluster.Length > 0 && draft.Cluster != stored?.Cluster)
        {
            references.Add(new ProjectReference(prefix + "cluster", draft.Cluster));
        }

        if (draft.Park.Length > 0 && draft.Park != stored?.Park)
        {
            references.Add(new ProjectReference(prefix + "park", draft.Park));
        }

        return references;
    }

    /// <summary>
    /// Throws <c>FAILED_PRECONDITION</c> with a precondition violation per missing reference; otherwise
    /// <c>UNAVAILABLE</c> when one could not be verified (a definite "does not exist" wins, since retrying would not
    /// help). Returns when every reference exists.
    /// </summary>
    public static void Require(IReadOnlyList<ProjectReference> references, IReadOnlyDictionary<string, ReferenceState> states)
    {
        var missing = references.Where(r => states[r.Name] == ReferenceState.Missing).ToList();
        if (missing.Count > 0)
        {
            throw new ServiceException(
                ErrorKind.FailedPrecondition,
                NotFoundReason,
                string.Join(" ", missing.Select(r => $"{r.Field} names {r.Name}, which does not exist.")),
                missing.ToDictionary(r => r.Field[(r.Field.LastIndexOf('.') + 1)..], r => r.Name),
                preconditionViolations: [.. missing.Select(r => new PreconditionViolation(NotFoundReason, r.Field, $"{r.Name} does not exist; create it first or clear the field."))]);
        }

        if (references.FirstOrDefault(r => states[r.Name] == ReferenceState.Unverified) is { } unverified)
        {
            var service = OwnerOf(unverified.Name);
            throw ServiceException.Unavailable(service,
                $"The {service} service could not confirm that {unverified.Name} exists; nothing was stored. Retry with backoff.");
        }
    }

    /// <summary>Checks the references of <paramref name="draft"/> that differ from <paramref name="stored"/>; see <see cref="Require"/>.</summary>
    public static async Task RequireAsync(this IReferenceChecker checker, ProjectDraft draft, ProjectDraft? stored, CancellationToken cancellationToken)
    {
        var references = ToCheck(draft, stored);
        if (references.Count == 0)
        {
            return;
        }

        var states = await checker.LookUpAsync([.. references.Select(r => r.Name)], cancellationToken);
        Require(references, states);
    }

    /// <summary>The service that owns a referenced name: <c>cluster</c> for <c>clusters/…</c>, <c>parks</c> for <c>parks/…</c>.</summary>
    public static string OwnerOf(string name) =>
        name.StartsWith("clusters/", StringComparison.Ordinal) ? "cluster"
        : name.StartsWith("parks/", StringComparison.Ordinal) ? "parks"
        : throw new ArgumentException($"{name} is neither a cluster nor a park.", nameof(name));
}
