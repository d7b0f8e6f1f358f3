using System.Text.Json.Nodes;

namespace Industry.History.Domain;

/// <summary>One field that differs between two versions of a record; a null value is a field that is not set.</summary>
public sealed record FieldDifference(string Path, JsonNode? OldValue, JsonNode? NewValue);

/// <summary>
/// The field-level difference of two states of a record in the proto3 JSON form: objects are walked field by field
/// (paths joined by dots), anything else, lists included, compares as a whole. The JSON form omits fields at their
/// default value, so a field reset to its default shows as no longer set.
/// </summary>
public static class StateDiff
{
    /// <summary>The differences in path order; against no previous state (the first version) there are none, against an empty one every field set.</summary>
    public static IReadOnlyList<FieldDifference> Between(JsonObject? previous, JsonObject? current)
    {
        var differences = new List<FieldDifference>();
        if (previous is not null && current is not null)
        {
            Walk(string.Empty, previous, current, differences);
        }

        return [.. differences.OrderBy(d => d.Path, StringComparer.Ordinal)];
    }

    private static void Walk(string prefix, JsonObject previous, JsonObject current, List<FieldDifference> differences)
    {
        foreach (var key in previous.Select(p => p.Key).Union(current.Select(p => p.Key), StringComparer.Ordinal))
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            var (before, after) = (previous[key], current[key]);
            if (before is JsonObject beforeObject && after is JsonObject afterObject)
            {
                Walk(path, beforeObject, afterObject, differences);
            }
            else if (!JsonNode.DeepEquals(before, after))
            {
                differences.Add(new FieldDifference(path, before, after));
            }
        }
    }
}
