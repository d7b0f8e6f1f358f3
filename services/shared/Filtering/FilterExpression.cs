namespace Industry.ServiceDefaults.Filtering;

/// <summary>A comparison operator of the AIP-160 subset the suite supports.</summary>
public enum FilterOperator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

/// <summary>How a value was written: a double-quoted string, or a bare word (number, boolean, enum value name).</summary>
public enum FilterValueKind
{
    Quoted,
    Bare,
}

/// <summary>One <c>field op value</c> comparison of a filter.</summary>
public sealed record FilterComparison(string Field, FilterOperator Operator, string Value, FilterValueKind Kind);
