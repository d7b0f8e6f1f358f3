using Proto = Industry.Parks.V1;

namespace Industry.Parks.Api;

/// <summary>Parks and transformations to and from the wire (proto types stop at Api/).</summary>
internal static class ParkMapping
{
    /// <summary>UpdatePark's editable fields (the proto's list), merged into the stored draft by the field mask.</summary>
    public static readonly EditableFields<ParkDraft> Editable = EditableFields.Named<ParkDraft>(
        "display_name", "county_code", "park_type", "lead_industry", "above_size_enterprise_count", "description");

    public static Proto.Park ToProto(this Park park) => new Proto.Park
    {
        LeadIndustry = Industries.NameOf(park.LeadIndustryCode),
    }.FillFrom(park);

    /// <summary>
    /// The content of a proto park, trimmed, with the industry code upper-cased (<c>industries/auto</c> →
    /// <c>industries/AUTO</c>); <c>UNSPECIFIED</c> type is "not given".
    /// </summary>
    public static ParkDraft ToDraft(this Proto.Park park)
    {
        var industry = park.LeadIndustry.Trim();
        var prefix = Industries.Collection + "/";
        return new ParkDraft
        {
            DisplayName = park.DisplayName.Trim(),
            CountyCode = park.CountyCode.Trim(),
            ParkType = park.ParkType == Proto.ParkType.Unspecified ? null : (ParkType)park.ParkType,
            LeadIndustry = industry.StartsWith(prefix, StringComparison.Ordinal) ? prefix + industry[prefix.Length..].ToUpperInvariant() : industry,
            AboveSizeEnterpriseCount = park.AboveSizeEnterpriseCount,
            Description = park.Description,
        };
    }

    public static Proto.Transformation ToProto(this Transformation transformation) => new Proto.Transformation
    {
        Milestones = { transformation.Milestones.OrderBy(m => m.Level).Select(m => new Proto.TransformationMilestone().FillFrom(m)) },
    }.FillFrom(transformation);
}
