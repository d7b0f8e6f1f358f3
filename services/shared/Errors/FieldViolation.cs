namespace Industry.ServiceDefaults.Errors;

/// <summary>
/// One bad field of a request: <paramref name="Field"/> is the proto field path (<c>project.total_investment_yuan</c>),
/// <paramref name="Description"/> says what is wrong in terms a caller can act on.
/// </summary>
public sealed record FieldViolation(string Field, string Description);
