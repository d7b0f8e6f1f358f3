namespace Industry.Clusters.Domain;

/// <summary>
/// 集群进度: the programme's figures of one year for one slice of the province (the whole of it, a city, a 4+10
/// industry, or one city's records of one industry). Every figure is a count of records that each fall in exactly
/// one slice, so the slices' counts add up to the province's (a cluster counted once under its lead division's city).
/// </summary>
public sealed record ClusterCounts(
    int AdvancedManufacturingClusters = 0,
    int ProvincialSmeClusters = 0,
    int NationalSmeClusters = 0,
    int InnovativeSmes = 0,
    int SpecializedSmes = 0,
    int LittleGiants = 0,
    int SingleChampions = 0,
    int NewAboveSizeEnterprises = 0,
    int AboveSizeEnterprisesTotal = 0,
    int ExitedAboveSizeEnterprises = 0)
{
    public static readonly ClusterCounts Zero = new();

    /// <summary>净增: entered minus left in the year.</summary>
    public int NetNewAboveSizeEnterprises => NewAboveSizeEnterprises - ExitedAboveSizeEnterprises;

    public bool IsZero => this == Zero;

    /// <summary>Recognitions of SME characteristic clusters at a level; the other kinds and levels are no figure of their own.</summary>
    public static ClusterCounts Recognized(ClusterKind kind, ClusterLevel level, int count) => (kind, level) switch
    {
        (ClusterKind.SmeCharacteristic, ClusterLevel.Provincial) => new(ProvincialSmeClusters: count),
        (ClusterKind.SmeCharacteristic, ClusterLevel.National) => new(NationalSmeClusters: count),
        _ => Zero,
    };

    /// <summary>Qualifications granted of a type; CHAIN_LEADER has no target and is no figure of its own.</summary>
    public static ClusterCounts Granted(QualificationType type, int count) => type switch
    {
        QualificationType.InnovativeSme => new(InnovativeSmes: count),
        QualificationType.SpecializedSme => new(SpecializedSmes: count),
        QualificationType.LittleGiant => new(LittleGiants: count),
        QualificationType.SingleChampion => new(SingleChampions: count),
        _ => Zero,
    };

    public ClusterCounts Plus(ClusterCounts other) => new(
        AdvancedManufacturingClusters + other.AdvancedManufacturingClusters,
        ProvincialSmeClusters + other.ProvincialSmeClusters,
        NationalSmeClusters + other.NationalSmeClusters,
        InnovativeSmes + other.InnovativeSmes,
        SpecializedSmes + other.SpecializedSmes,
        LittleGiants + other.LittleGiants,
        SingleChampions + other.SingleChampions,
        NewAboveSizeEnterprises + other.NewAboveSizeEnterprises,
        AboveSizeEnterprisesTotal + other.AboveSizeEnterprisesTotal,
        ExitedAboveSizeEnterprises + other.ExitedAboveSizeEnterprises);
}

/// <summary>The counts of the records of one city and one industry; either code is empty for records without one.</summary>
public sealed record ClusterCell(string CityCode, string IndustryCode, ClusterCounts Counts);
