using System.Collections;

namespace Industry.ServiceDefaults.Errors;

/// <summary>
/// The field violations of one request, collected so that the caller sees every bad field in one answer: each check
/// names its field (under the rule set's prefix, <c>park.</c>) and gives its problem, or null when the field is fine.
/// </summary>
public sealed class Violations(string prefix = "") : IReadOnlyList<FieldViolation>
{
    private readonly List<FieldViolation> _items = [];

    public int Count => _items.Count;

    public FieldViolation this[int index] => _items[index];

    public Violations Add(string field, string? problem)
    {
        if (problem is not null)
        {
            _items.Add(new FieldViolation(prefix + field, problem));
        }

        return this;
    }

    public Violations AddRange(IEnumerable<FieldViolation> violations)
    {
        _items.AddRange(violations);
        return this;
    }

    public IEnumerator<FieldViolation> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
