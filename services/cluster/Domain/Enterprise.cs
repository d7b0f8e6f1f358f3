namespace Industry.Clusters.Domain;

/// <summary>
/// 工业企业: an industrial enterprise, <c>enterprises/{uscc}</c>, with its above-size (规上) status and its
/// qualifications. The city is derived from the county; qualifications change only through <see cref="Grant"/> and
/// <see cref="Revoke"/>, memberships (kept as <see cref="ClusterMember"/> rows) through <see cref="TouchMemberships"/>.
/// </summary>
public sealed class Enterprise : VersionedResource
{
    public const string Collection = "enterprises";

    private Enterprise()
    {
    }

    /// <summary>The unified social credit code: the id in <c>enterprises/{uscc}</c>.</summary>
    public string Uscc { get; private set; } = string.Empty;

    public override string Name => Collection + "/" + Uscc;

    public string DisplayName { get; private set; } = string.Empty;

    public string CountyCode { get; private set; } = string.Empty;

    public string CityCode { get; private set; } = string.Empty;

    public string Gbt4754Class { get; private set; } = string.Empty;

    /// <summary>The 4+10 industry code, given or derived from the class; empty when neither.</summary>
    public string IndustryCode { get; private set; } = string.Empty;

    public bool AboveSize { get; private set; }

    /// <summary>纳规年度; kept when <see cref="AboveSize"/> turns false, so that the year's new entries stay countable.</summary>
    public int AboveSizeYear { get; private set; }

    /// <summary>退规年度: the year it left the above-size statistics; 0 while above size or when the year is not known.</summary>
    public int AboveSizeExitYear { get; private set; }

    /// <summary>Every qualification granted, held or revoked (a revocation marks, never deletes).</summary>
    public List<Qualification> Qualifications { get; private set; } = [];

    /// <summary>The qualifications held now: at most one per type.</summary>
    public IReadOnlyList<Qualification> HeldQualifications => [.. Qualifications.Where(q => q.Held)];

    /// <summary>The clusters it is a member of (read with the enterprise for its <c>clusters</c>; written as rows of their own).</summary>
    public List<ClusterMember> Memberships { get; private set; } = [];

    /// <summary>A new enterprise from a USCC and a draft that passed <see cref="EnterpriseRules"/>.</summary>
    public static Enterprise Create(string uscc, EnterpriseDraft draft, DateTime now, string actor, long previousVersion = 0)
    {
        var enterprise = new Enterprise { Uscc = uscc };
        enterprise.Begin(now, previousVersion);
        enterprise.Revise(draft, now, actor);
        return enterprise;
    }

    public EnterpriseDraft ToDraft() => new()
    {
        DisplayName = DisplayName,
        CountyCode = CountyCode,
        Gbt4754Class = Gbt4754Class,
        Industry = Industries.NameOf(IndustryCode),
        AboveSize = AboveSize,
        AboveSizeYear = AboveSizeYear,
        AboveSizeExitYear = AboveSizeExitYear,
    };

    /// <summary>Replaces the editable content with a validated draft and returns the proto names of the fields that changed.</summary>
    public IReadOnlyList<string> Revise(EnterpriseDraft draft, DateTime now, string actor)
    {
        var changed = Revise(now, actor, c => c
            .Set(DisplayName, draft.DisplayName, v => DisplayName = v, "display_name")
            .Set(CountyCode, draft.CountyCode, v => CountyCode = v, "county_code")
            .Set(Gbt4754Class, draft.Gbt4754Class, v => Gbt4754Class = v, "gbt4754_class")
            .Set(IndustryCode, EnterpriseRules.IndustryCode(draft.Industry, draft.Gbt4754Class), v => IndustryCode = v, "industry")
            .Set(AboveSize, draft.AboveSize, v => AboveSize = v, "above_size")
            .Set(AboveSizeYear, draft.AboveSizeYear, v => AboveSizeYear = v, "above_size_year")
            .Set(AboveSizeExitYear, draft.AboveSizeExitYear, v => AboveSizeExitYear = v, "above_size_exit_year"));
        CityCode = Divisions.CityOf(CountyCode)?.Code ?? string.Empty;
        return changed;
    }

    /// <summary>
    /// Grants <paramref name="type"/> in <paramref name="year"/>, valid from <paramref name="validFrom"/> (1 January of
    /// the year when null) until <paramref name="validUntil"/> (arguments already checked by
    /// <see cref="QualificationLadder.CheckGrant"/>); throws what <see cref="QualificationLadder.GrantProblem"/> finds.
    /// </summary>
    public Qualification Grant(QualificationType type, int year, DateTime now, string actor, DateOnly? validFrom = null, DateOnly? validUntil = null)
    {
        if (QualificationLadder.GrantProblem(Name, HeldQualifications, type, year) is { } problem)
        {
            throw problem;
        }

        var qualification = new Qualification(Uscc, type, year, now, validFrom ?? new DateOnly(year, 1, 1), validUntil);
        Qualifications.Add(qualification);
        Touch(now, actor);
        return qualification;
    }

    /// <summary>
    /// Marks <paramref name="type"/> revoked now, keeping the row for its year's count; throws what
    /// <see cref="QualificationLadder.RevokeProblem"/> finds. Returns it as revoked.
    /// </summary>
    public Qualification Revoke(QualificationType type, string reason, DateTime now, string actor)
    {
        var held = HeldQualifications;
        if (QualificationLadder.RevokeProblem(Name, held, type) is { } problem)
        {
            throw problem;
        }

        var qualification = held.Single(q => q.Type == type);
        qualification.MarkRevoked(now, reason);
        Touch(now, actor);
        return qualification;
    }

    /// <summary>
    /// 复核: records the re-review of the held <paramref name="type"/> (arguments already checked by
    /// <see cref="QualificationReview.Check"/>); throws what <see cref="QualificationReview.Problem"/> finds. Returns the
    /// qualification after it and its last day of validity before it.
    /// </summary>
    public (Qualification Reviewed, DateOnly? PreviousValidUntil) Review(QualificationType type, QualificationReviewOutcome outcome, DateOnly? validUntil, DateTime now, string actor)
    {
        if (QualificationReview.Problem(Name, Qualifications, type, outcome, validUntil) is { } problem)
        {
            throw problem;
        }

        var qualification = Qualifications.Single(q => q.Held && q.Type == type);
        var previous = qualification.ValidUntil;
        if (outcome == QualificationReviewOutcome.Passed)
        {
            qualification.MarkReviewPassed(now, validUntil!.Value);
        }
        else
        {
            qualification.MarkReviewFailed(now);
        }

        Touch(now, actor);
        return (qualification, previous);
    }

    /// <summary>A membership was added or removed: the enterprise's <c>clusters</c> changed, and so its version.</summary>
    public void TouchMemberships(DateTime now, string actor) => Touch(now, actor);
}
