using Industry.Projects.Domain;

namespace Industry.Projects.Api;

/// <summary>
/// Where the check that a row's cluster and park exist plugs into <c>ImportProjects</c>. It is called once per batch,
/// after the batch's stored projects were read and before anything is written, with each row and its stored project
/// (null for a new code), so that an implementation asks the cluster and parks services only about the references
/// that are new or changed, the batch's distinct ones in one call rather than one per row. A row whose reference does
/// not exist fails with FAILED_PRECONDITION, as CreateProject and UpdateProject do; when a service cannot be reached,
/// an implementation fails the affected rows with UNAVAILABLE (or throws <c>ServiceException.Unavailable</c> to end
/// the call; batches already written stay written).
/// </summary>
internal interface IImportReferenceCheck
{
    /// <summary>Failures keyed by the row's index in <paramref name="rows"/>; the rows not in it pass.</summary>
    Task<IReadOnlyDictionary<int, ImportRowFailure>> CheckAsync(IReadOnlyList<ImportRow> rows, IReadOnlyList<Project?> stored, CancellationToken cancellationToken);
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

    public Task<IReadOnlyDictionary<int, ImportRowFailure>> CheckAsync(IReadOnlyList<ImportRow> rows, IReadOnlyList<Project?> stored, CancellationToken cancellationToken) => None;
}
