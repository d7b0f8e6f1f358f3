using System.Text.RegularExpressions;
using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Resources;

/// <summary>AIP-122 resource names: <c>collection/{id}</c> and <c>parent/{p}/collection/{id}</c>.</summary>
public static partial class ResourceName
{
    /// <summary>What a caller-chosen id must be (AIP-122), as a field violation's description.</summary>
    public const string IdRule = "must be 1-63 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen.";

    /// <summary>Whether a caller-chosen id (<c>project_id</c>, <c>cluster_id</c>) follows AIP-122: <c>[a-z]([a-z0-9-]{0,61}[a-z0-9])?</c>.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>The violation of a caller-chosen id in <paramref name="field"/> (<c>park_id</c>); none when it is valid or empty (the server picks one).</summary>
    public static IEnumerable<FieldViolation> IdViolations(string requestedId, string field) =>
        requestedId.Length == 0 || IsValidId(requestedId) ? [] : [new FieldViolation(field, IdRule)];

    /// <summary>
    /// Whether <paramref name="value"/> is a top-level name <c>collection/{id}</c> (one non-empty segment after the
    /// collection): the shape check of a reference to another resource, without asking whether it exists.
    /// </summary>
    public static bool IsName(string? value, string collection) =>
        value is not null && value.Length > collection.Length + 1 && value.StartsWith(collection + "/", StringComparison.Ordinal)
        && value.IndexOf('/', collection.Length + 1) < 0;

    /// <summary>The id of a top-level name (<c>projects/abc</c> → <c>abc</c>), or INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static string Id(string? name, string collection, string field = "name")
    {
        var prefix = collection + "/";
        if (string.IsNullOrEmpty(name) || !name.StartsWith(prefix, StringComparison.Ordinal) || name.Length == prefix.Length
            || name.IndexOf('/', prefix.Length) >= 0)
        {
            throw ServiceException.InvalidArgument(field, $"must be a resource name of the form '{collection}/{{id}}'.");
        }

        return name[prefix.Length..];
    }

    /// <summary>The parent id and child id of <c>parents/{p}/children/{c}</c>.</summary>
    public static (string ParentId, string Id) ChildId(string? name, string parentCollection, string collection, string field = "name")
    {
        var parts = name?.Split('/') ?? [];
        if (parts.Length != 4 || parts[0] != parentCollection || parts[2] != collection || parts[1].Length == 0 || parts[3].Length == 0)
        {
            throw ServiceException.InvalidArgument(field, $"must be a resource name of the form '{parentCollection}/{{id}}/{collection}/{{id}}'.");
        }

        return (parts[1], parts[3]);
    }

    /// <summary>A year id (<c>plans/2024</c>) within the range the suite accepts.</summary>
    public static int Year(string? name, string collection, string field = "name")
    {
        var id = Id(name, collection, field);
        return int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            ? year
            : throw ServiceException.InvalidArgument(field, $"must be '{collection}/{{year}}' with a year from 2000 to 2100.");
    }

    [GeneratedRegex(@"^[a-z]([a-z0-9-]{0,61}[a-z0-9])?\z")]
    private static partial Regex IdPattern();
}
