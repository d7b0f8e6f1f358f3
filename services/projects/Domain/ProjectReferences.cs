using Industry.ServiceDefaults.Security;

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

    /// <summary>The <c>ErrorInfo.reason</c> and precondition type of a park of another city than the project's (ADR 0017).</summary>
    public const string ParkInAnotherCityReason = "PARK_IN_ANOTHER_CITY";

    /// <summary>
    /// The references of <paramref name="draft"/> to check: those set and different from <paramref name="stored"/>
    /// (every set one for a new project). An unchanged reference was checked when it was stored, and a cleared one needs
    /// no check, so an update that keeps its cluster, park and city calls nobody. A change of the project's city makes
    /// every set reference new again: a park of the old city is not one of the new city.
    /// </summary>
    public static IReadOnlyList<ProjectReference> ToCheck(ProjectDraft draft, ProjectDraft? stored, string prefix = "project.")
    {
        var cityChanged = stored is not null && Divisions.CityOf(draft.CountyCode)?.Code != Divisions.CityOf(stored.CountyCode)?.Code;
        var references = new List<ProjectReference>(2);
        if (draft.Cluster.Length > 0 && (cityChanged || draft.Cluster != stored?.Cluster))
        {
            references.Add(new ProjectReference(prefix + "cluster", draft.Cluster));
        }

        if (draft.Park.Length > 0 && (cityChanged || draft.Park != stored?.Park))
        {
            references.Add(new ProjectReference(prefix + "park", draft.Park));
        }

        return references;
    }

    /// <summary>
    /// Returns when every reference exists and may be named by <paramref name="caller"/> for a project of
    /// <paramref name="projectCityCode"/>; otherwise throws, in this order:
    /// <list type="number">
    /// <item>a city editor naming a park or cluster outside its city: <c>PERMISSION_DENIED</c>
    /// (<c>OUTSIDE_CALLER_CITY</c>), the same refusal as a write of another city's resource;</item>
    /// <item>a reference that does not exist: <c>FAILED_PRECONDITION</c> (<c>REFERENCE_NOT_FOUND</c>), for every caller
    /// (parks and clusters are readable by all, so this reveals nothing a read would not);</item>
    /// <item>a park of another city than the project's, for any caller: <c>FAILED_PRECONDITION</c>
    /// (<c>PARK_IN_ANOTHER_CITY</c>);</item>
    /// <item>a reference that could not be verified: <c>UNAVAILABLE</c> (the definite answers above win, since retrying
    /// would not help).</item>
    /// </list>
    /// A cluster of another city is a city editor's refusal only: a province admin may attach a project to a cluster led
    /// by another city (ADR 0017).
    /// </summary>
    public static void Require(IReadOnlyList<ProjectReference> references, IReadOnlyDictionary<string, ReferenceAnswer> answers, string projectCityCode, Caller caller)
    {
        // An answer without a city counts as another city's: the rule fails closed.
        if (!caller.IsProvinceAdmin
            && references.FirstOrDefault(r => answers[r.Name].State == ReferenceState.Exists && !caller.MayWriteCity(answers[r.Name].CityCode)) is { } outside)
        {
            throw CallerAccess.OutsideCity(caller, outside.Name, outside.Field);
        }

        var missing = references.Where(r => answers[r.Name].State == ReferenceState.Missing).ToList();
        if (missing.Count > 0)
        {
            throw new ServiceException(
                ErrorKind.FailedPrecondition,
                NotFoundReason,
                string.Join(" ", missing.Select(r => $"{r.Field} names {r.Name}, which does not exist.")),
                missing.ToDictionary(r => r.Field[(r.Field.LastIndexOf('.') + 1)..], r => r.Name),
                preconditionViolations: [.. missing.Select(r => new PreconditionViolation(NotFoundReason, r.Field, $"{r.Name} does not exist; create it first or clear the field."))]);
        }

        if (references.FirstOrDefault(r => OwnerOf(r.Name) == "parks" && answers[r.Name] is { State: ReferenceState.Exists } park && (park.CityCode.Length == 0 || park.CityCode != projectCityCode)) is { } farPark)
        {
            var parkCity = answers[farPark.Name].CityCode;
            throw new ServiceException(
                ErrorKind.FailedPrecondition,
                ParkInAnotherCityReason,
                $"{farPark.Field} names {farPark.Name}, a park of city {parkCity}, but the project is in city {projectCityCode}; a project is built in its park's city.",
                new Dictionary<string, string> { ["park"] = farPark.Name, ["park_city"] = parkCity, ["project_city"] = projectCityCode },
                preconditionViolations: [new PreconditionViolation(ParkInAnotherCityReason, farPark.Field, $"{farPark.Name} is in city {parkCity}; name a park of city {projectCityCode}, or correct the county.")]);
        }

        if (references.FirstOrDefault(r => answers[r.Name].State == ReferenceState.Unverified) is { } unverified)
        {
            var service = OwnerOf(unverified.Name);
            throw ServiceException.Unavailable(service,
                $"The {service} service could not confirm that {unverified.Name} exists; nothing was stored. Retry with backoff.");
        }
    }

    /// <summary>Checks the references of <paramref name="draft"/> that differ from <paramref name="stored"/>; see <see cref="Require"/>.</summary>
    public static async Task RequireAsync(this IReferenceChecker checker, ProjectDraft draft, ProjectDraft? stored, Caller caller, CancellationToken cancellationToken)
    {
        var references = ToCheck(draft, stored);
        if (references.Count == 0)
        {
            return;
        }

        var answers = await checker.LookUpAsync([.. references.Select(r => r.Name)], cancellationToken);
        Require(references, answers, CityOf(draft), caller);
    }

    /// <summary>The city of the project <paramref name="draft"/> describes (empty for a county that is not Anhui's, which <see cref="ProjectRules"/> refuses).</summary>
    public static string CityOf(ProjectDraft draft) => Divisions.CityOf(draft.CountyCode)?.Code ?? string.Empty;

    /// <summary>The service that owns a referenced name: <c>cluster</c> for <c>clusters/…</c>, <c>parks</c> for <c>parks/…</c>.</summary>
    public static string OwnerOf(string name) =>
        name.StartsWith("clusters/", StringComparison.Ordinal) ? "cluster"
        : name.StartsWith("parks/", StringComparison.Ordinal) ? "parks"
        : throw new ArgumentException($"{name} is neither a cluster nor a park.", nameof(name));
}
