namespace Industry.Projects.Domain;

/// <summary>What the owning service answered about a referenced cluster or park.</summary>
public enum ReferenceState
{
    /// <summary>The resource exists.</summary>
    Exists,

    /// <summary>The owning service says it does not exist (NOT_FOUND).</summary>
    Missing,

    /// <summary>
    /// No answer: the service could not be reached, did not answer within the deadline, or cannot look the resource up
    /// (UNIMPLEMENTED, or any other failure). The reference is neither accepted nor rejected.
    /// </summary>
    Unverified,
}

/// <summary>
/// The answer about one referenced name: its state and, when it exists, its city (the park's city, or the city of the
/// cluster's lead division), which decides who may reference it (ADR 0017).
/// </summary>
/// <param name="State">Whether it exists.</param>
/// <param name="CityCode">GB/T 2260 city code as the owning service reported it; empty when it did not say.</param>
public sealed record ReferenceAnswer(ReferenceState State, string CityCode = "")
{
    public static ReferenceAnswer Missing { get; } = new(ReferenceState.Missing);

    public static ReferenceAnswer Unverified { get; } = new(ReferenceState.Unverified);
}

/// <summary>
/// Looks up the clusters (产业集群, <c>clusters/{cluster}</c>) and parks (园区, <c>parks/{park}</c>) that projects name,
/// in the cluster and parks services that own them. One call checks a whole batch (an import's distinct references).
/// </summary>
public interface IReferenceChecker
{
    /// <summary>
    /// The answer for each distinct name of <paramref name="names"/>. A service that cannot answer makes its names
    /// <see cref="ReferenceState.Unverified"/> rather than throwing; only the caller's cancellation throws.
    /// </summary>
    Task<IReadOnlyDictionary<string, ReferenceAnswer>> LookUpAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);
}
