using Industry.Projects.Domain;

namespace Industry.Projects.Api;

/// <summary>
/// Where the check that a row's cluster and park exist plugs into <c>ImportProjects</c>. It is called once per batch
/// with the rows that passed screening, before anything is looked up or written, so that an implementation can ask
/// the cluster and parks services about the batch's distinct references in one call each rather than one per row.
/// A row whose reference does not exist fails with FAILED_PRECONDITION, as CreateProject does. When a service cannot
/// be reached, an implementation either fails the affected rows with UNAVAILABLE or throws
/// <c>ServiceException.Unavailable</c> to end the call (rows of batches already written stay written).
/// </summary>
internal interface IImportReferenceCheck
{
    /// <summary>Failures keyed by the row's index in <paramref name="rows"/>; the rows not in it pass.</summary>
    Task<IReadOnlyDictionary<int, ImportRowFailure>> CheckAsync(IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken);
}

/// <summary>
/// The check in force until the gRPC reference checks of CreateProject exist: nothing beyond the form of the
/// references, which <see cref="ProjectRules"/> has already checked.
/// </summary>
internal sealed class FormOnlyReferenceCheck : IImportReferenceCheck
{
    public static readonly FormOnlyReferenceCheck Instance = new();

    private static readonly Task<IReadOnlyDictionary<int, ImportRowFailure>> None =
        Task.FromResult<IReadOnlyDictionary<int, ImportRowFailure>>(new Dictionary<int, ImportRowFailure>());

    private FormOnlyReferenceCheck()
    {
    }

    public Task<IReadOnlyDictionary<int, ImportRowFailure>> CheckAsync(IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken) => None;
}
