using System.Collections;
using System.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Industry.ServiceDefaults.Resources;

/// <summary>
/// A resource's editable fields for an AIP-134 Update, each with how to tell that a request set it (for an update
/// without a mask) and how to take it from the request into the stored content. <see cref="Merge"/> resolves the mask
/// (<see cref="UpdateMask.Resolve"/>) and yields the content to validate and store: the masked fields from the request,
/// the rest as stored. Build one per resource, once.
/// </summary>
public sealed class EditableFields<TDraft>
{
    private readonly List<string> _paths = [];
    private readonly Dictionary<string, (Func<TDraft, bool> IsSet, Func<TDraft, TDraft, TDraft> Take)> _fields = new(StringComparer.Ordinal);

    /// <summary>The editable paths (proto field names), in the order they were declared.</summary>
    public IReadOnlyCollection<string> Paths => _paths;

    /// <param name="path">The proto field name (<c>display_name</c>).</param>
    /// <param name="isSet">Whether the request gave the field a non-default value.</param>
    /// <param name="take">The stored draft with this field taken from the request: <c>(stored, request) =&gt; stored with { … }</c>.</param>
    public EditableFields<TDraft> Field(string path, Func<TDraft, bool> isSet, Func<TDraft, TDraft, TDraft> take)
    {
        _paths.Add(path);
        _fields.Add(path, (isSet, take));
        return this;
    }

    public bool IsSet(TDraft request, string path) => _fields.TryGetValue(path, out var field) && field.IsSet(request);

    /// <summary>The stored content with the fields of <paramref name="mask"/> taken from <paramref name="request"/>; INVALID_ARGUMENT on a path that is not editable.</summary>
    public TDraft Merge(TDraft stored, TDraft request, FieldMask? mask, string field = "update_mask") =>
        UpdateMask.Resolve(mask, _paths, path => IsSet(request, path), field)
            .Aggregate(stored, (draft, path) => _fields[path].Take(draft, request));
}

/// <summary>Builds <see cref="EditableFields{TDraft}"/> from the proto's field names alone.</summary>
public static class EditableFields
{
    /// <summary>A shallow copy, as a record's <c>with</c> makes one.</summary>
    private static readonly MethodInfo Clone = typeof(object).GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!;

    /// <summary>
    /// The editable fields of a draft record whose properties are named as the proto's fields (<c>display_name</c> →
    /// <c>DisplayName</c>): a request sets a field when it gives it a non-default value (not empty, zero, false or
    /// null), and the merge copies the property. One declaration per resource, and a path without a property fails
    /// at start-up rather than at the first update.
    /// </summary>
    public static EditableFields<TDraft> Named<TDraft>(params string[] paths) =>
        paths.Aggregate(new EditableFields<TDraft>(), (fields, path) =>
        {
            var property = typeof(TDraft).GetProperty(string.Concat(path.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])))
                ?? throw new InvalidOperationException($"{typeof(TDraft).Name} has no property for the editable field '{path}'.");
            var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null;
            return fields.Field(path, request => property.GetValue(request) is { } value && (nullable || HasValue(value)), (stored, request) =>
            {
                var copy = (TDraft)Clone.Invoke(stored, null)!;
                property.SetValue(copy, property.GetValue(request));
                return copy;
            });
        });

    private static bool HasValue(object value) => value switch
    {
        string text => text.Length > 0,
        IEnumerable items => items.GetEnumerator().MoveNext(),
        _ => !value.Equals(Activator.CreateInstance(value.GetType())),
    };
}
