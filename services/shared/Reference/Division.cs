namespace Industry.ServiceDefaults.Reference;

/// <summary>行政区划: an administrative division of Anhui by its GB/T 2260 code.</summary>
public sealed record Division(string Code, string Name, DivisionLevel Level, string? ParentCode);

public enum DivisionLevel
{
    Province,
    City,
    County,
}
