namespace Industry.ServiceDefaults.Errors;

/// <summary>A request's message field that must be present (proto3 leaves it null when the caller omits it).</summary>
public static class RequiredFields
{
    /// <summary><paramref name="value"/>, or INVALID_ARGUMENT on <paramref name="field"/> when the caller left it out.</summary>
    public static T Required<T>(T? value, string field)
        where T : class =>
        value ?? throw ServiceException.InvalidArgument(field, "is required.");
}
