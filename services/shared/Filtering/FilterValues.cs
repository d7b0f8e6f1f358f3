namespace Industry.ServiceDefaults.Filtering;

/// <summary>Filter values given as a name from a fixed list (an enum value as the proto spells it).</summary>
public static class FilterValues
{
    /// <summary>The value the term's bare name stands for (<c>CLUSTER_LEVEL_NATIONAL</c>); INVALID_ARGUMENT listing the names otherwise.</summary>
    public static TValue NamedValue<TValue>(this FilterTerm term, IReadOnlyDictionary<string, TValue> byName) =>
        term.Kind == FilterValueKind.Bare && byName.TryGetValue(term.Value, out var value)
            ? value
            : throw term.Invalid($"'{term.Value}' is not a value; values: {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))}.");
}
