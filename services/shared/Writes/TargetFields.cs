using Google.Protobuf.WellKnownTypes;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Resources;

namespace Industry.ServiceDefaults.Writes;

/// <summary>
/// The targets of a <see cref="YearlyTargets{TDraft}"/> resource, declared once each: the API path, the value in a
/// draft (<see langword="null"/> when not set) and its bounds. The update mask resolves over them
/// (<see cref="EditableFields{TDraft}"/>, so that a masked target the request leaves out is cleared); a request's values
/// are checked against them, the numbers first and then the per-city shares. Build one per resource, once. A city's
/// share is declared the same way, without the mask: the per-city list is one target as a whole.
/// </summary>
/// <param name="collection">The collection in the resource's name (<c>digitalTargets</c>); empty for a city's share.</param>
public sealed class TargetFields<TDraft>(string collection = "")
{
    private readonly EditableFields<TDraft> _editable = new();
    private readonly List<Func<TDraft, string, IEnumerable<FieldViolation>>> _numbers = [];
    private readonly List<Func<TDraft, string, IEnumerable<FieldViolation>>> _cities = [];

    public string Collection => collection;

    /// <summary>A count from 0 to <paramref name="max"/> (no upper bound when omitted).</summary>
    public TargetFields<TDraft> Count(string path, Func<TDraft, int?> value, Func<TDraft, int?, TDraft>? with = null, int max = int.MaxValue) =>
        Number(path, value, 0, max, max == int.MaxValue ? "must not be negative." : $"must be from 0 to {max}.", with);

    /// <summary>
    /// A target from <paramref name="min"/> to <paramref name="max"/>, <paramref name="problem"/> otherwise (a value
    /// that is not a number is outside every range); <paramref name="with"/> stores it in a draft, for a maskable target.
    /// </summary>
    public TargetFields<TDraft> Number<T>(string path, Func<TDraft, T?> value, T min, T max, string problem, Func<TDraft, T?, TDraft>? with = null)
        where T : struct, IComparable<T>
    {
        if (with is not null)
        {
            _editable.Field(path, d => value(d) is not null, (stored, requested) => with(stored, value(requested)));
        }

        _numbers.Add((d, prefix) => value(d) is { } v && !(v.CompareTo(min) >= 0 && v.CompareTo(max) <= 0) ? [new FieldViolation(prefix + path, problem)] : []);
        return this;
    }

    /// <summary>
    /// The targets per city, one target as a whole (set when the request lists any city): each a city of Anhui, listed
    /// once, with its share checked against <paramref name="share"/>.
    /// </summary>
    public TargetFields<TDraft> Cities<TCity>(string path, Func<TDraft, IReadOnlyList<TCity>> cities, Func<TDraft, IReadOnlyList<TCity>, TDraft> with, Func<TCity, string> cityCode, TargetFields<TCity> share) =>
        Keyed(path, cities, with, "city_code", cityCode, code => Divisions.IsCity(code) ? null : $"'{code}' is not the code of a city of Anhui.", share);

    /// <summary>
    /// Targets per item of a kind (a city, a cluster), one target as a whole (set when the request lists any item): each
    /// item's key (its field <paramref name="keyField"/>) valid by <paramref name="keyProblem"/> and listed once, its
    /// values checked against <paramref name="share"/>.
    /// </summary>
    public TargetFields<TDraft> Keyed<TItem>(
        string path, Func<TDraft, IReadOnlyList<TItem>> items, Func<TDraft, IReadOnlyList<TItem>, TDraft> with, string keyField, Func<TItem, string> key, Func<string, string?> keyProblem, TargetFields<TItem> share)
    {
        _editable.Field(path, d => items(d).Count > 0, (stored, requested) => with(stored, items(requested)));
        _cities.Add((d, prefix) => items(d).SelectMany((entry, i) =>
        {
            var item = $"{prefix}{path}[{i}].";
            var value = key(entry);
            var problem = keyProblem(value) ?? (items(d).Take(i).Any(c => key(c) == value) ? $"{value} appears more than once." : null);
            return (problem is null ? [] : new[] { new FieldViolation(item + keyField, problem) }).Concat(share.Check(entry, item));
        }));
        return this;
    }

    /// <summary>The paths the update changes (<see cref="UpdateMask.Resolve"/>); INVALID_ARGUMENT on one that is not a target.</summary>
    public IReadOnlySet<string> Resolve(TDraft requested, FieldMask? mask) =>
        UpdateMask.Resolve(mask, _editable.Paths, path => _editable.IsSet(requested, path));

    /// <summary>The violations of <paramref name="draft"/>'s values, each on its request field (<paramref name="prefix"/> + path).</summary>
    public IReadOnlyList<FieldViolation> Check(TDraft draft, string prefix) => [.. _numbers.Concat(_cities).SelectMany(check => check(draft, prefix))];

    /// <summary>The stored targets with the masked ones taken from the request.</summary>
    public TDraft Merge(TDraft stored, TDraft requested, FieldMask? mask) => _editable.Merge(stored, requested, mask);
}
