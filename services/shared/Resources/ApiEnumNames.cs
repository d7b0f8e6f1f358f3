namespace Industry.ServiceDefaults.Resources;

/// <summary>A C# enum member as the proto spells its value: <c>UnderReview</c> with prefix <c>PARK_STATE_</c> → <c>PARK_STATE_UNDER_REVIEW</c>.</summary>
public static class ApiEnumNames
{
    public static string Of<TEnum>(TEnum value, string prefix)
        where TEnum : struct, Enum =>
        prefix + string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
