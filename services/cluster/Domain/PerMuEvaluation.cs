namespace Industry.Clusters.Domain;

/// <summary>
/// 亩均效益评价: an enterprise's per-mu evaluation of one year, <c>enterprises/{uscc}/perMuEvaluations/{year}</c>. It keeps
/// the city of its enterprise when created, so that a city editor writes its own city's evaluations and lists filter
/// by city without a join.
/// </summary>
public sealed class PerMuEvaluation : VersionedResource, ICityScoped
{
    public const string Collection = "perMuEvaluations";

    private PerMuEvaluation()
    {
    }

    public string Uscc { get; private set; } = string.Empty;

    public int Year { get; private set; }

    public override string Name => $"{Enterprise.Collection}/{Uscc}/{Collection}/{Year}";

    public PerMuGrade Grade { get; private set; }

    public decimal LandAreaMu { get; private set; }

    public long TaxYuan { get; private set; }

    public long RevenueYuan { get; private set; }

    public string CityCode { get; private set; } = string.Empty;

    /// <summary>亩均税收, 万元/亩.</summary>
    public decimal TaxPerMu => PerMuRules.PerMu(TaxYuan, LandAreaMu);

    /// <summary>亩均营收, 万元/亩.</summary>
    public decimal RevenuePerMu => PerMuRules.PerMu(RevenueYuan, LandAreaMu);

    /// <summary>A new evaluation of <paramref name="enterprise"/> with figures that passed <see cref="PerMuRules"/>.</summary>
    public static PerMuEvaluation Create(Enterprise enterprise, int year, PerMuFigures figures, DateTime now, string actor, long previousVersion = 0)
    {
        var evaluation = new PerMuEvaluation { Uscc = enterprise.Uscc, Year = year, CityCode = enterprise.CityCode };
        evaluation.Begin(now, previousVersion);
        evaluation.Revise(figures, now, actor);
        return evaluation;
    }

    public PerMuFigures ToFigures() => new() { Grade = Grade, LandAreaMu = LandAreaMu, TaxYuan = TaxYuan, RevenueYuan = RevenueYuan };

    /// <summary>Replaces the editable content with checked figures and returns the proto names of the fields that changed.</summary>
    public IReadOnlyList<string> Revise(PerMuFigures figures, DateTime now, string actor) => Revise(now, actor, c => c
        .Set(Grade, figures.Grade ?? Grade, v => Grade = v, "grade")
        .Set(LandAreaMu, figures.LandAreaMu, v => LandAreaMu = v, "land_area_mu")
        .Set(TaxYuan, figures.TaxYuan, v => TaxYuan = v, "tax_yuan")
        .Set(RevenueYuan, figures.RevenueYuan, v => RevenueYuan = v, "revenue_yuan"));

    /// <summary>The USCC (upper-cased, as stored) and the year in <c>enterprises/{uscc}/perMuEvaluations/{year}</c>.</summary>
    public static (string Uscc, int Year) ParseName(string name, string field = "name")
    {
        var (uscc, year) = ResourceName.ChildId(name, Enterprise.Collection, Collection, field);
        return int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1 and <= 9999
            ? (uscc.ToUpperInvariant(), y)
            : throw ServiceException.InvalidArgument(field, $"must be a resource name of the form 'enterprises/{{uscc}}/{Collection}/{{year}}'.");
    }
}
