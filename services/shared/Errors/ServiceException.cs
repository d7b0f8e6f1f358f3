namespace Industry.ServiceDefaults.Errors;

/// <summary>
/// The one exception type that domain and API code throw for an expected failure. It carries everything
/// the error-mapping interceptor needs to build a rich <c>google.rpc.Status</c>: the kind (→ status code),
/// an UPPER_SNAKE <see cref="Reason"/> for <c>ErrorInfo</c>, dynamic values in <see cref="Metadata"/>,
/// field violations for <c>BadRequest</c> and precondition violations for <c>PreconditionFailure</c>. Messages must be
/// safe to show a caller: no stack traces, no SQL.
/// </summary>
public sealed class ServiceException : Exception
{
    public ServiceException(
        ErrorKind kind,
        string reason,
        string message,
        IReadOnlyDictionary<string, string>? metadata = null,
        IReadOnlyList<FieldViolation>? fieldViolations = null,
        IReadOnlyList<PreconditionViolation>? preconditionViolations = null)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Kind = kind;
        Reason = reason;
        Metadata = metadata ?? new Dictionary<string, string>();
        FieldViolations = fieldViolations ?? [];
        PreconditionViolations = preconditionViolations ?? [];
    }

    public ErrorKind Kind { get; }

    /// <summary>The machine-readable cause (<c>ErrorInfo.reason</c>), e.g. <c>ILLEGAL_STATE_TRANSITION</c>.</summary>
    public string Reason { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public IReadOnlyList<FieldViolation> FieldViolations { get; }

    /// <summary>What the caller must put right before retrying a <c>FAILED_PRECONDITION</c> (AIP-193 <c>PreconditionFailure</c>).</summary>
    public IReadOnlyList<PreconditionViolation> PreconditionViolations { get; }

    /// <summary>Bad input. At least one violation is required so that the caller knows which field to fix.</summary>
    public static ServiceException InvalidArgument(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count == 0)
        {
            throw new ArgumentException("An INVALID_ARGUMENT error needs at least one field violation.", nameof(violations));
        }

        var message = violations.Count == 1
            ? $"Invalid {violations[0].Field}: {violations[0].Description}"
            : $"The request has {violations.Count} invalid fields; see the BadRequest details.";
        return new ServiceException(ErrorKind.InvalidArgument, "INVALID_ARGUMENT", message, fieldViolations: violations);
    }

    /// <summary>Throws INVALID_ARGUMENT with every one of <paramref name="violations"/>, when there are any.</summary>
    public static void ThrowIfAny(IEnumerable<FieldViolation> violations)
    {
        var list = violations as IReadOnlyList<FieldViolation> ?? [.. violations];
        if (list.Count > 0)
        {
            throw InvalidArgument(list);
        }
    }

    public static ServiceException InvalidArgument(string field, string description) =>
        InvalidArgument([new FieldViolation(field, description)]);

    public static ServiceException NotFound(string resourceName) =>
        new(ErrorKind.NotFound, "RESOURCE_NOT_FOUND", $"{resourceName} does not exist.",
            new Dictionary<string, string> { ["resource"] = resourceName });

    public static ServiceException AlreadyExists(string resourceName) =>
        new(ErrorKind.AlreadyExists, "RESOURCE_ALREADY_EXISTS", $"{resourceName} already exists.",
            new Dictionary<string, string> { ["resource"] = resourceName });

    /// <summary>The caller's etag does not match the stored one (AIP-154).</summary>
    public static ServiceException EtagMismatch(string resourceName, string currentEtag) =>
        new(ErrorKind.Aborted, "ETAG_MISMATCH",
            $"{resourceName} has changed since it was read; read it again and retry with the current etag.",
            new Dictionary<string, string> { ["resource"] = resourceName, ["current_etag"] = currentEtag });

    public static ServiceException PermissionDenied(string permission) =>
        new(ErrorKind.PermissionDenied, "PERMISSION_DENIED", $"The caller lacks the permission '{permission}'.",
            new Dictionary<string, string> { ["permission"] = permission });

    public static ServiceException Unavailable(string dependency, string message) =>
        new(ErrorKind.Unavailable, "DEPENDENCY_UNAVAILABLE", message,
            new Dictionary<string, string> { ["dependency"] = dependency });
}
