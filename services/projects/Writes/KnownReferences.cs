namespace Industry.Projects.Writes;

/// <summary>
/// The import's <see cref="IReferenceChecker"/>: a name found to exist is not asked about again for the rest of the
/// call (its city is kept with it, so every row is still judged against its own city): a monthly sheet names the same
/// few hundred clusters and parks in every batch, and asking each batch again would cost more than writing it. (One
/// import is one moment; a cluster deleted during it is what the cluster service's own consumer records as unknown.)
/// </summary>
internal sealed class KnownReferences(IReferenceChecker checker) : IReferenceChecker
{
    private readonly Dictionary<string, ReferenceAnswer> _exist = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, ReferenceAnswer>> LookUpAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var unknown = names.Where(n => !_exist.ContainsKey(n)).Distinct(StringComparer.Ordinal).ToList();
        var looked = unknown.Count == 0 ? new Dictionary<string, ReferenceAnswer>() : await checker.LookUpAsync(unknown, cancellationToken);
        foreach (var (name, answer) in looked.Where(a => a.Value.State == ReferenceState.Exists))
        {
            _exist[name] = answer;
        }

        return names.Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => _exist.TryGetValue(n, out var known) ? known : looked[n], StringComparer.Ordinal);
    }
}
