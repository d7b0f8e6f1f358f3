namespace Industry.ServiceDefaults.Errors;

/// <summary>
/// The checks every free-text field of a resource gets: present when required, within its column's length, and
/// storable: PostgreSQL refuses a NUL in text and UTF-8 cannot carry an unpaired surrogate, so either would otherwise
/// reach the database and fail there as an internal error.
/// </summary>
public static class FieldText
{
    /// <summary>The length of a rejection or revocation reason (驳回、撤销理由), wherever a workflow asks for one.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Why a rejection or revocation reason is not acceptable, or null.</summary>
    public static string? ReasonProblem(string reason) => Problem(reason, MaxReasonLength, required: true);

    /// <summary>The reason of a rejection or revocation, trimmed; INVALID_ARGUMENT on <c>reason</c> when it is not acceptable.</summary>
    public static string RequireReason(string reason)
    {
        var trimmed = reason.Trim();
        return ReasonProblem(trimmed) is { } problem ? throw ServiceException.InvalidArgument("reason", problem) : trimmed;
    }

    /// <summary>Why <paramref name="value"/> is not acceptable, as a field violation's description, or null when it is.</summary>
    public static string? Problem(string? value, int maxLength, bool required) =>
        required && string.IsNullOrWhiteSpace(value) ? "is required."
        : value is not null && value.Length > maxLength ? $"must be at most {maxLength} characters."
        : StorableProblem(value);

    /// <summary>Why <paramref name="value"/> cannot be stored as text, or null when it can: control characters other than tab and line breaks, and unpaired surrogates.</summary>
    public static string? StorableProblem(string? value)
    {
        if (value is null)
        {
            return null;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return $"must not contain control characters (U+{(int)c:X4} at position {i}).";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"must be valid Unicode (an unpaired surrogate at position {i}).";
            }
        }

        return null;
    }
}
