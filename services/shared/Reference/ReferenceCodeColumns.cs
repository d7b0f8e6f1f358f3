using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Reference;

/// <summary>
/// The columns of the suite's reference codes, sized once by their names instead of in each entity's configuration:
/// a division code (<c>CityCode</c>, <c>CountyCode</c>, <c>…DivisionCode</c>; GB/T 2260) has 6 characters, a USCC
/// (<c>Uscc</c>, <c>EnterpriseUscc</c>) 18. A length configured explicitly is kept.
/// </summary>
public static class ReferenceCodeColumns
{
    /// <summary>The length of a GB/T 2260 division code, <c>340100</c>.</summary>
    public const int DivisionCodeLength = 6;

    /// <summary>Call after the entities' own configurations (owned types included).</summary>
    public static ModelBuilder AddReferenceCodeColumns(this ModelBuilder modelBuilder)
    {
        var properties = modelBuilder.Model.GetEntityTypes()
            .SelectMany(t => t.GetDeclaredProperties())
            .Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null);
        foreach (var property in properties.ToList())
        {
            if (LengthOf(property.Name) is { } length)
            {
                property.SetMaxLength(length);
            }
        }

        return modelBuilder;
    }

    private static int? LengthOf(string name) =>
        name is "CityCode" or "CountyCode" || name.EndsWith("DivisionCode", StringComparison.Ordinal) ? DivisionCodeLength
        : name.EndsWith("Uscc", StringComparison.Ordinal) ? Uscc.Length
        : null;
}
