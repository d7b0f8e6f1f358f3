using Google.Protobuf.WellKnownTypes;
using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Resources;

/// <summary>
/// AIP-134 field masks: which of a resource's writable fields an Update changes. Without a mask, the fields the
/// caller set; <c>*</c>, all writable fields; otherwise the listed paths, each of which must be writable.
/// </summary>
public static class UpdateMask
{
    public static IReadOnlySet<string> Resolve(FieldMask? mask, IReadOnlyCollection<string> writable, Func<string, bool> isSet, string field = "update_mask")
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            return writable.Where(isSet).ToHashSet(StringComparer.Ordinal);
        }

        if (mask.Paths.Count == 1 && mask.Paths[0] == "*")
        {
            return writable.ToHashSet(StringComparer.Ordinal);
        }

        // JSON/REST callers may write the mask in its proto3 JSON form (lowerCamelCase): accept both.
        var paths = mask.Paths.Select(ToSnakeCase).ToList();
        var unknown = paths.Where(p => !writable.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            throw ServiceException.InvalidArgument(field,
                $"'{string.Join("', '", unknown)}' cannot be updated; writable fields: {string.Join(", ", writable)}.");
        }

        return paths.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary><c>targetKeyProjects</c> → <c>target_key_projects</c>; snake_case paths pass unchanged.</summary>
    public static string ToSnakeCase(string path)
    {
        var result = new System.Text.StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                result.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
