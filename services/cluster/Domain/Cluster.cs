namespace Industry.Clusters.Domain;

/// <summary>
/// 产业集群: an industrial cluster, from cultivation to recognition (provincial, then perhaps national) or revocation.
/// The city is derived from the lead division, never entered; the state changes only through
/// <see cref="Recognize"/> and <see cref="Revoke"/>.
/// </summary>
public sealed class Cluster : VersionedResource
{
    public const string Collection = "clusters";

    private Cluster()
    {
    }

    /// <summary>The id in <c>clusters/{id}</c>.</summary>
    public string Id { get; private set; } = string.Empty;

    public override string Name => Collection + "/" + Id;

    public string DisplayName { get; private set; } = string.Empty;

    public ClusterKind Kind { get; private set; }

    /// <summary>The 4+10 industry code (<c>AUTO</c>); the API names it <c>industries/AUTO</c>.</summary>
    public string IndustryCode { get; private set; } = string.Empty;

    public string LeadDivisionCode { get; private set; } = string.Empty;

    /// <summary>The city of the lead division (the lead division itself when it is a city).</summary>
    public string CityCode { get; private set; } = string.Empty;

    public string HostParkDisplayName { get; private set; } = string.Empty;

    public string HostPark { get; private set; } = string.Empty;

    /// <summary>链主企业 as <c>enterprises/{uscc}</c>, in the order given.</summary>
    public List<string> ChainLeaders { get; private set; } = [];

    public string Description { get; private set; } = string.Empty;

    public ClusterState State { get; private set; }

    /// <summary>The level held; <see cref="ClusterLevel.None"/> while cultivating, the last level held once revoked.</summary>
    public ClusterLevel Level { get; private set; }

    /// <summary>The year of the recognition at <see cref="Level"/>; 0 while cultivating.</summary>
    public int RecognitionYear { get; private set; }

    /// <summary>Every recognition, oldest first.</summary>
    public List<ClusterRecognition> Recognitions { get; private set; } = [];

    public string RevocationReason { get; private set; } = string.Empty;

    public DateTime? RevokeTime { get; private set; }

    /// <summary>
    /// A new cluster in CULTIVATING, from a draft that passed <see cref="ClusterRules.Check"/>; its version follows
    /// <paramref name="previousVersion"/>, the last of a deleted cluster of the same id (0 for a new id).
    /// </summary>
    public static Cluster Create(string id, ClusterDraft draft, DateTime now, string actor, long previousVersion = 0)
    {
        var cluster = new Cluster
        {
            Id = id,
            Kind = draft.Kind ?? throw new ArgumentException("A cluster's kind is required.", nameof(draft)),
            State = ClusterState.Cultivating,
            Level = ClusterLevel.None,
        };
        cluster.Begin(now, previousVersion);
        cluster.Revise(draft, now, actor);
        return cluster;
    }

    /// <summary>The cluster's editable content (and its kind), as a draft to merge an update into.</summary>
    public ClusterDraft ToDraft() => new()
    {
        DisplayName = DisplayName,
        Kind = Kind,
        Industry = Industries.NameOf(IndustryCode),
        LeadDivisionCode = LeadDivisionCode,
        HostParkDisplayName = HostParkDisplayName,
        HostPark = HostPark,
        ChainLeaders = [.. ChainLeaders],
        Description = Description,
    };

    /// <summary>
    /// Replaces the editable content with a validated draft (the kind never changes) and returns the proto names of
    /// the fields that changed; an unchanged draft writes nothing.
    /// </summary>
    public IReadOnlyList<string> Revise(ClusterDraft draft, DateTime now, string actor)
    {
        var changed = Revise(now, actor, c => c
            .Set(DisplayName, draft.DisplayName, v => DisplayName = v, "display_name")
            .Set(IndustryCode, Industries.CodeOf(draft.Industry), v => IndustryCode = v, "industry")
            .Set(LeadDivisionCode, draft.LeadDivisionCode, v => LeadDivisionCode = v, "lead_division_code")
            .Set(HostParkDisplayName, draft.HostParkDisplayName, v => HostParkDisplayName = v, "host_park_display_name")
            .Set(HostPark, draft.HostPark, v => HostPark = v, "host_park")
            .SetList(ChainLeaders, draft.ChainLeaders, v => ChainLeaders = v, "chain_leaders")
            .Set(Description, draft.Description, v => Description = v, "description"));
        CityCode = Divisions.CityOf(LeadDivisionCode)?.Code ?? string.Empty;
        return changed;
    }

    /// <summary>
    /// 认定: recognises the cluster at <paramref name="level"/> in <paramref name="year"/> (arguments already checked by
    /// <see cref="ClusterRules.CheckRecognition"/>). FAILED_PRECONDITION, with the transitions still open, when the
    /// ladder forbids it; INVALID_ARGUMENT for a year after <paramref name="currentYear"/> or before the recognition
    /// the cluster already holds.
    /// </summary>
    public void Recognize(ClusterLevel level, int year, int currentYear, DateTime now, string actor)
    {
        Move(ClusterLifecycle.Recognize(level) ?? throw new ArgumentException("A recognition is at a level.", nameof(level)));
        if (year > currentYear)
        {
            throw ServiceException.InvalidArgument("year", $"{year} is in the future (the current year is {currentYear}).");
        }

        if (RecognitionYear > 0 && year < RecognitionYear)
        {
            throw ServiceException.InvalidArgument("year",
                $"must not be before {RecognitionYear}, the year of the cluster's {ClusterLifecycle.ApiName(Level)} recognition.");
        }

        Recognitions.Add(new ClusterRecognition(level, year, now));
        State = ClusterState.Recognized;
        Level = level;
        RecognitionYear = year;
        Touch(now, actor);
    }

    /// <summary>撤销: revokes the recognition (final); the level held is kept. FAILED_PRECONDITION unless RECOGNIZED.</summary>
    public void Revoke(string reason, DateTime now, string actor)
    {
        Move(ClusterTransition.Revoke);
        State = ClusterState.Revoked;
        RevocationReason = reason;
        RevokeTime = now;
        Touch(now, actor);
    }

    /// <summary>FAILED_PRECONDITION <c>ILLEGAL_STATE_TRANSITION</c> unless the ladder leads on from here by <paramref name="transition"/>.</summary>
    private void Move(ClusterTransition transition) =>
        ClusterLifecycle.Ladder.Require(Name, ClusterLifecycle.Position(State, Level), transition, ClusterLifecycle.PositionText(State, Level));
}
