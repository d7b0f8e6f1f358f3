namespace Industry.Clusters.Domain;

/// <summary>
/// Everything a cluster's content and its recognitions must satisfy before anything is stored, checked all at once so
/// that the caller sees every bad field in one answer. Field paths are those of the proto under the given prefix.
/// References to other services (the host park) are checked for their shape only: the cluster service never calls out.
/// </summary>
public static class ClusterRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;

    /// <summary>More chain leaders than any real cluster has (a handful); a bound on the row, not a policy.</summary>
    public const int MaxChainLeaders = 50;

    /// <summary>The years a recognition may carry (the suite's range for years).</summary>
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public const string ParkCollection = "parks";

    public static IReadOnlyList<FieldViolation> Check(ClusterDraft draft, string prefix = "cluster.")
    {
        var violations = new Violations(prefix)
            .Add("display_name", FieldText.Problem(draft.DisplayName, MaxNameLength, required: true))
            .Add("kind", draft.Kind switch
            {
                null => "is required.",
                { } kind when !Enum.IsDefined(kind) => $"{(int)kind} is not a cluster kind.",
                _ => null,
            })
            .Add("industry", Industries.NameProblem(draft.Industry, required: true))
            .Add("lead_division_code", string.IsNullOrEmpty(draft.LeadDivisionCode) ? "is required."
                : Divisions.IsCity(draft.LeadDivisionCode) || Divisions.IsCounty(draft.LeadDivisionCode) ? null
                : $"'{draft.LeadDivisionCode}' is not the code of a city or county of Anhui (GB/T 2260).")
            .Add("host_park_display_name", FieldText.Problem(draft.HostParkDisplayName, MaxNameLength, required: false))
            .Add("host_park", draft.HostPark.Length == 0 || ResourceName.IsName(draft.HostPark, ParkCollection) ? null
                : $"must be empty or a resource name '{ParkCollection}/{{park}}'.")
            .Add("description", FieldText.Problem(draft.Description, MaxDescriptionLength, required: false))
            .Add("chain_leaders", draft.ChainLeaders.Count > MaxChainLeaders ? $"must list at most {MaxChainLeaders} enterprises." : null);
        for (var i = 0; i < draft.ChainLeaders.Count; i++)
        {
            var leader = draft.ChainLeaders[i];
            violations.Add($"chain_leaders[{i}]", ChainLeaderProblem(leader)
                ?? (draft.ChainLeaders.Take(i).Contains(leader, StringComparer.Ordinal) ? $"{leader} is listed more than once." : null));
        }

        return violations;
    }

    /// <summary>The arguments of <c>RecognizeCluster</c> on their own: a level to recognise at, and a year in range.</summary>
    public static IReadOnlyList<FieldViolation> CheckRecognition(ClusterLevel level, int year) => new Violations()
        .Add("level", level is ClusterLevel.Provincial or ClusterLevel.National ? null : "must be CLUSTER_LEVEL_PROVINCIAL or CLUSTER_LEVEL_NATIONAL.")
        .Add("year", year is < FirstYear or > LastYear ? (year == 0 ? "is required." : $"must be a year from {FirstYear} to {LastYear}.") : null);

    private static string? ChainLeaderProblem(string leader)
    {
        if (!ResourceName.IsName(leader, Enterprise.Collection))
        {
            return $"must be a resource name '{Enterprise.Collection}/{{uscc}}'.";
        }

        return Uscc.Problem(leader[(Enterprise.Collection.Length + 1)..]) is { } uscc ? $"{leader}: the USCC {uscc}" : null;
    }
}
