using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>Enterprises, their qualifications and cluster memberships to and from the wire (proto types stop at Api/).</summary>
internal static class EnterpriseMapping
{
    /// <summary>UpdateEnterprise's editable fields (the proto's list), merged into the stored draft by the field mask.</summary>
    public static readonly EditableFields<EnterpriseDraft> Editable = EditableFields.Named<EnterpriseDraft>(
        "display_name", "county_code", "gbt4754_class", "industry", "above_size", "above_size_year", "above_size_exit_year");

    /// <summary>The enterprise with its qualifications and memberships (both loaded with it).</summary>
    public static Proto.Enterprise ToProto(this Enterprise enterprise) => new Proto.Enterprise
    {
        Name = enterprise.Name,
        Uscc = enterprise.Uscc,
        DisplayName = enterprise.DisplayName,
        CountyCode = enterprise.CountyCode,
        CityCode = enterprise.CityCode,
        Gbt4754Class = enterprise.Gbt4754Class,
        Industry = Industries.NameOf(enterprise.IndustryCode),
        AboveSize = enterprise.AboveSize,
        AboveSizeYear = enterprise.AboveSizeYear,
        Qualifications = { enterprise.HeldQualifications.OrderBy(q => q.Type).Select(ToProto) },
        RevokedQualifications = { enterprise.Qualifications.Where(q => !q.Held).OrderBy(q => q.RevokeTime).ThenBy(q => q.Type).Select(ToProto) },
        Clusters = { enterprise.Memberships.Select(m => Cluster.Collection + "/" + m.ClusterId).Order(StringComparer.Ordinal) },
    }.FillFrom(enterprise);

    public static Proto.Qualification ToProto(this Qualification qualification) => new()
    {
        Type = (Proto.QualificationType)qualification.Type,
        Year = qualification.Year,
        GrantTime = WireTime.ToTimestamp(qualification.GrantTime),
        ValidFrom = ((DateOnly?)qualification.ValidFrom).ToProtoDate(),
        ValidUntil = qualification.ValidUntil.ToProtoDate(),
        RevokeTime = qualification.RevokeTime is { } revoked ? WireTime.ToTimestamp(revoked) : null,
        RevokeReason = qualification.RevokeReason,
        ReviewTime = qualification.ReviewTime is { } reviewed ? WireTime.ToTimestamp(reviewed) : null,
    };

    public static Proto.ClusterMember ToProto(this ClusterMember member, string enterpriseDisplayName) => new()
    {
        Name = member.Name,
        Enterprise = Enterprise.Collection + "/" + member.Uscc,
        EnterpriseDisplayName = enterpriseDisplayName,
        JoinYear = member.JoinYear,
        CreateTime = WireTime.ToTimestamp(member.CreateTime),
        CreateActor = member.CreateActor,
    };

    /// <summary>The content of a proto enterprise, trimmed, with codes upper-cased as they are stored.</summary>
    public static EnterpriseDraft ToDraft(this Proto.Enterprise enterprise) => new()
    {
        DisplayName = enterprise.DisplayName.Trim(),
        CountyCode = enterprise.CountyCode.Trim(),
        Gbt4754Class = enterprise.Gbt4754Class.Trim().ToUpperInvariant(),
        Industry = ClusterMapping.UpperId(enterprise.Industry.Trim(), Industries.Collection),
        AboveSize = enterprise.AboveSize,
        AboveSizeYear = enterprise.AboveSizeYear,
        AboveSizeExitYear = enterprise.AboveSizeExitYear,
    };
}
