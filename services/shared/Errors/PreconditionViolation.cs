namespace Industry.ServiceDefaults.Errors;

/// <summary>
/// One unmet precondition of a <c>FAILED_PRECONDITION</c> call (<c>google.rpc.PreconditionFailure.Violation</c>):
/// <paramref name="Type"/> is an UPPER_SNAKE kind of precondition (<c>REFERENCE_NOT_FOUND</c>), <paramref name="Subject"/>
/// what failed relative to it (a field path such as <c>project.cluster</c>), <paramref name="Description"/> how to fix it.
/// </summary>
public sealed record PreconditionViolation(string Type, string Subject, string Description);
