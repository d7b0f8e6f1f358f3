using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>Clusters and revenue reports to and from the wire (proto types stop at Api/).</summary>
internal static class ClusterMapping
{
    /// <summary>UpdateCluster's editable fields (the proto's list), merged into the stored draft by the field mask.</summary>
    public static readonly EditableFields<ClusterDraft> Editable = EditableFields.Named<ClusterDraft>(
        "display_name", "industry", "lead_division_code", "host_park_display_name", "host_park", "chain_leaders",
        "description");

    public static Proto.Cluster ToProto(this Cluster cluster) => new Proto.Cluster
    {
        Name = cluster.Name,
        DisplayName = cluster.DisplayName,
        Kind = (Proto.ClusterKind)cluster.Kind,
        Industry = Industries.NameOf(cluster.IndustryCode),
        LeadDivisionCode = cluster.LeadDivisionCode,
        CityCode = cluster.CityCode,
        HostParkDisplayName = cluster.HostParkDisplayName,
        HostPark = cluster.HostPark,
        ChainLeaders = { cluster.ChainLeaders },
        Description = cluster.Description,
        State = (Proto.ClusterState)cluster.State,
        Level = (Proto.ClusterLevel)cluster.Level,
        RecognitionYear = cluster.RecognitionYear,
        Recognitions =
        {
            cluster.Recognitions
                .OrderBy(r => r.Year).ThenBy(r => r.Level)
                .Select(r => new Proto.ClusterRecognition { Level = (Proto.ClusterLevel)r.Level, Year = r.Year, RecordTime = WireTime.ToTimestamp(r.RecordTime) }),
        },
        RevocationReason = cluster.RevocationReason,
        RevokeTime = cluster.RevokeTime is { } revoked ? WireTime.ToTimestamp(revoked) : null,
    }.FillFrom(cluster);

    /// <summary>
    /// The content of a proto cluster, trimmed, with the ids inside resource names upper-cased as codes are
    /// (<c>industries/auto</c> → <c>industries/AUTO</c>); <c>UNSPECIFIED</c> kind is "not given".
    /// </summary>
    public static ClusterDraft ToDraft(this Proto.Cluster cluster) => new()
    {
        DisplayName = cluster.DisplayName.Trim(),
        Kind = cluster.Kind == Proto.ClusterKind.Unspecified ? null : (ClusterKind)cluster.Kind,
        Industry = UpperId(cluster.Industry.Trim(), Industries.Collection),
        LeadDivisionCode = cluster.LeadDivisionCode.Trim(),
        HostParkDisplayName = cluster.HostParkDisplayName.Trim(),
        HostPark = cluster.HostPark.Trim(),
        ChainLeaders = [.. cluster.ChainLeaders.Select(l => UpperId(l.Trim(), Enterprise.Collection))],
        Description = cluster.Description,
    };

    /// <summary>A report with its year-on-year comparison: <paramref name="previousYearRevenueYuan"/> is the same period's report a year earlier, if any.</summary>
    public static Proto.RevenueReport ToProto(this RevenueReport report, long? previousYearRevenueYuan) => new Proto.RevenueReport
    {
        Name = report.Name,
        Period = report.Period.ToString(),
        YearToDateRevenueYuan = report.YearToDateRevenueYuan,
        EnterpriseCount = report.EnterpriseCount,
        Note = report.Note,
    }.FillFrom(new
    {
        PreviousYearRevenueYuan = previousYearRevenueYuan,
        YearOverYearGrowthPercent = YearOnYear.GrowthPercent(report.YearToDateRevenueYuan, previousYearRevenueYuan),
    }).FillFrom(report);

    /// <summary>A resource name whose id is a code, with the id upper-cased (<c>industries/auto</c> → <c>industries/AUTO</c>).</summary>
    public static string UpperId(string name, string collection) =>
        name.StartsWith(collection + "/", StringComparison.Ordinal) ? collection + "/" + name[(collection.Length + 1)..].ToUpperInvariant() : name;
}
