namespace Industry.ServiceDefaults.Errors;

/// <summary>The checks every free-text field of a resource gets: present when required, and within its column's length.</summary>
public static class FieldText
{
    /// <summary>Why <paramref name="value"/> is not acceptable, as a field violation's description, or null when it is.</summary>
    public static string? Problem(string? value, int maxLength, bool required) =>
        required && string.IsNullOrWhiteSpace(value) ? "is required."
        : value is not null && value.Length > maxLength ? $"must be at most {maxLength} characters."
        : null;
}
