using Industry.ServiceDefaults.Security;

namespace Industry.Projects.Writes;

/// <summary>
/// The import's check with the cluster and parks services (<see cref="IReferenceChecker"/>), once per batch after its
/// stored projects were read and before anything is written: the batch's distinct new or changed references in one
/// look-up, then per row the same decision CreateProject makes
/// (<see cref="ProjectReferences.Require"/>): PERMISSION_DENIED for a city editor's reference outside its city,
/// FAILED_PRECONDITION for a reference that does not exist or a park of another city than the row's, UNAVAILABLE when
/// its service could not confirm it. Each fails only the rows concerned; the rest of the batch is written. A name
/// found to exist is not asked about again for the rest of the call (its city is kept with it, so every row is still
/// judged against its own city): a monthly sheet names the same few hundred clusters and parks in every batch, and
/// asking each batch again would cost more than writing it. (One import is one moment; a cluster deleted during it is
/// what the cluster service's own consumer records as unknown.)
/// </summary>
internal sealed class ImportReferenceCheck(IReferenceChecker checker, Caller caller)
{
    private static readonly IReadOnlyDictionary<string, ReferenceAnswer> NothingLooked = new Dictionary<string, ReferenceAnswer>();

    private readonly Dictionary<string, ReferenceAnswer> _exist = new(StringComparer.Ordinal);

    /// <summary>Failures keyed by the row's index in <paramref name="rows"/> (<paramref name="stored"/>: each row's stored project, null for a new code); the rows not in it pass.</summary>
    public async Task<IReadOnlyDictionary<int, ImportRowFailure>> CheckAsync(IReadOnlyList<ImportRow> rows, IReadOnlyList<Project?> stored, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<int, ImportRowFailure>();
        var toCheck = rows.Select((row, i) => ProjectReferences.ToCheck(row.Draft, stored[i]?.ToDraft())).ToList();
        var names = toCheck.SelectMany(references => references).Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return failures;
        }

        var unknown = names.Where(n => !_exist.ContainsKey(n)).ToList();
        var looked = unknown.Count == 0 ? NothingLooked : await checker.LookUpAsync(unknown, cancellationToken);
        foreach (var (name, answer) in looked.Where(a => a.Value.State == ReferenceState.Exists))
        {
            _exist[name] = answer;
        }

        var answers = names.ToDictionary(n => n, n => _exist.TryGetValue(n, out var known) ? known : looked[n], StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                ProjectReferences.Require(toCheck[i], answers, ProjectReferences.CityOf(rows[i].Draft), caller);
            }
            catch (ServiceException ex)
            {
                failures.Add(i, ImportRowFailure.From(rows[i].RowNumber, rows[i].Draft.ProjectCode, ex));
            }
        }

        return failures;
    }
}
