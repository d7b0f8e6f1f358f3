namespace Industry.Parks.Domain;

/// <summary>
/// 数字化转型示范园区: a park applying for, or certified as, a digital-transformation demonstration park ("一区一业一样板":
/// one park, one lead industry, one model). The city is derived from the county, never entered; the state changes only
/// through the workflow methods. A draft application may leave the lead industry open, but it must be chosen before
/// the park is certified.
/// </summary>
public sealed class Park : VersionedResource, ICityScoped
{
    public const string Collection = "parks";

    private Park()
    {
    }

    /// <summary>The id in <c>parks/{id}</c>.</summary>
    public string Id { get; private set; } = string.Empty;

    public override string Name => Collection + "/" + Id;

    public string DisplayName { get; private set; } = string.Empty;

    public string CountyCode { get; private set; } = string.Empty;

    public string CityCode { get; private set; } = string.Empty;

    public ParkType ParkType { get; private set; }

    /// <summary>The 4+10 industry code (<c>AUTO</c>), or empty; the API names it <c>industries/AUTO</c>.</summary>
    public string LeadIndustryCode { get; private set; } = string.Empty;

    public int AboveSizeEnterpriseCount { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public ParkState State { get; private set; }

    /// <summary>认定年度; 0 before certification, kept when revoked.</summary>
    public int CertificationYear { get; private set; }

    /// <summary>批次 within the year; 0 before certification, kept when revoked.</summary>
    public int CertificationBatch { get; private set; }

    public string RejectionReason { get; private set; } = string.Empty;

    public string RevocationReason { get; private set; } = string.Empty;

    public DateTime StateChangeTime { get; private set; }

    /// <summary>A new park in APPLIED, from a draft that passed <see cref="ParkRules.Check"/>.</summary>
    public static Park Create(string id, ParkDraft draft, DateTime now, string actor, long previousVersion = 0)
    {
        var park = new Park { Id = id, State = ParkState.Applied, StateChangeTime = now };
        park.Begin(now, previousVersion);
        park.Revise(draft, now, actor);
        return park;
    }

    /// <summary>The park's editable content, as a draft to merge an update into.</summary>
    public ParkDraft ToDraft() => new()
    {
        DisplayName = DisplayName,
        CountyCode = CountyCode,
        ParkType = ParkType,
        LeadIndustry = Industries.NameOf(LeadIndustryCode),
        AboveSizeEnterpriseCount = AboveSizeEnterpriseCount,
        Description = Description,
    };

    /// <summary>
    /// Replaces the editable content with a validated draft and returns the proto names of the fields that changed; an
    /// unchanged draft writes nothing.
    /// </summary>
    public IReadOnlyList<string> Revise(ParkDraft draft, DateTime now, string actor)
    {
        var changed = Revise(now, actor, c => c
            .Set(DisplayName, draft.DisplayName, v => DisplayName = v, "display_name")
            .Set(CountyCode, draft.CountyCode, v => CountyCode = v, "county_code")
            .Set(ParkType, draft.ParkType ?? ParkType, v => ParkType = v, "park_type")
            .Set(LeadIndustryCode, Industries.CodeOf(draft.LeadIndustry), v => LeadIndustryCode = v, "lead_industry")
            .Set(AboveSizeEnterpriseCount, draft.AboveSizeEnterpriseCount, v => AboveSizeEnterpriseCount = v, "above_size_enterprise_count")
            .Set(Description, draft.Description, v => Description = v, "description"));
        CityCode = Divisions.CityOf(CountyCode)?.Code ?? string.Empty;
        return changed;
    }

    /// <summary>提交评审: APPLIED or REJECTED → UNDER_REVIEW; a re-submission clears the rejection reason.</summary>
    public void Submit(DateTime now, string actor)
    {
        Move(ParkTransition.Submit, now, actor);
        RejectionReason = string.Empty;
    }

    /// <summary>
    /// 认定: UNDER_REVIEW → CERTIFIED in <paramref name="year"/> and <paramref name="batch"/> (already checked by
    /// <see cref="ParkRules.CheckCertification"/>). FAILED_PRECONDITION without a lead industry ("一区一业").
    /// </summary>
    public void Certify(int year, int batch, DateTime now, string actor)
    {
        ParkLifecycle.Workflow.Require(Name, State, ParkTransition.Certify);
        if (LeadIndustryCode.Length == 0)
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "LEAD_INDUSTRY_REQUIRED",
                $"{Name} has no lead industry; a demonstration park is certified for one lead industry (一区一业). Set park.lead_industry first.",
                new Dictionary<string, string> { ["resource"] = Name },
                preconditionViolations: [new PreconditionViolation("LEAD_INDUSTRY_REQUIRED", "park.lead_industry", "Set the park's lead 4+10 industry with UpdatePark.")]);
        }

        Move(ParkTransition.Certify, now, actor);
        CertificationYear = year;
        CertificationBatch = batch;
    }

    /// <summary>未通过: UNDER_REVIEW → REJECTED with a reason.</summary>
    public void Reject(string reason, DateTime now, string actor)
    {
        Move(ParkTransition.Reject, now, actor);
        RejectionReason = reason;
    }

    /// <summary>撤销: CERTIFIED → REVOKED (final); year and batch are kept as history.</summary>
    public void Revoke(string reason, DateTime now, string actor)
    {
        Move(ParkTransition.Revoke, now, actor);
        RevocationReason = reason;
    }

    private void Move(ParkTransition transition, DateTime now, string actor)
    {
        State = ParkLifecycle.Workflow.Require(Name, State, transition);
        StateChangeTime = now;
        Touch(now, actor);
    }
}
