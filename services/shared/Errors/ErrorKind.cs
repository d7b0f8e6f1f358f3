namespace Industry.ServiceDefaults.Errors;

/// <summary>
/// What went wrong, in domain words. The error-mapping interceptor turns each kind into its canonical gRPC
/// code (docs/conventions.md §1.9), so domain code never references gRPC types.
/// </summary>
public enum ErrorKind
{
    /// <summary>Bad input: <c>INVALID_ARGUMENT</c>, with field violations.</summary>
    InvalidArgument,

    /// <summary>The resource does not exist: <c>NOT_FOUND</c>.</summary>
    NotFound,

    /// <summary>The resource exists already: <c>ALREADY_EXISTS</c>.</summary>
    AlreadyExists,

    /// <summary>The resource is not in a state that allows the call (illegal transition): <c>FAILED_PRECONDITION</c>.</summary>
    FailedPrecondition,

    /// <summary>The caller's etag is stale, or a concurrent write won: <c>ABORTED</c>.</summary>
    Aborted,

    /// <summary>The caller may not do this: <c>PERMISSION_DENIED</c>.</summary>
    PermissionDenied,

    /// <summary>No valid credentials: <c>UNAUTHENTICATED</c>.</summary>
    Unauthenticated,

    /// <summary>A quota or rate limit is exhausted: <c>RESOURCE_EXHAUSTED</c>.</summary>
    ResourceExhausted,

    /// <summary>A dependency (database, broker, another service) cannot be reached: <c>UNAVAILABLE</c>.</summary>
    Unavailable,
}
