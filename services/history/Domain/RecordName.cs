namespace Industry.History.Domain;

/// <summary>The resource names whose history can be asked for: <c>collection/id</c> pairs, e.g. <c>projects/p-1</c>, <c>parks/k-1/transformations/9134…</c>.</summary>
public static class RecordName
{
    public const int MaxLength = 300;

    /// <summary>Why <paramref name="name"/> is not a resource name, or null when it is one.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "is required";
        }

        if (name.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        var segments = name.Split('/');
        return segments.Length % 2 != 0 || segments.Any(s => s.Length == 0 || s.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            ? "is not a resource name such as projects/p-2024-0001 (collection/id pairs, no empty segment or space)"
            : null;
    }
}
