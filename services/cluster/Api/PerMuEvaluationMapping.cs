using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>Per-mu evaluations to and from the wire (proto types stop at Api/).</summary>
internal static class PerMuEvaluationMapping
{
    /// <summary>UpdatePerMuEvaluation's editable fields (the proto's list), merged into the stored figures by the field mask.</summary>
    public static readonly EditableFields<PerMuFigures> Editable = EditableFields.Named<PerMuFigures>("grade", "land_area_mu", "tax_yuan", "revenue_yuan");

    public static Proto.PerMuEvaluation ToProto(this PerMuEvaluation evaluation) => new Proto.PerMuEvaluation
    {
        Name = evaluation.Name,
        Grade = (Proto.PerMuGrade)evaluation.Grade,
        LandAreaMu = (double)evaluation.LandAreaMu,
        TaxPerMuTenThousandYuan = (double)evaluation.TaxPerMu,
        RevenuePerMuTenThousandYuan = (double)evaluation.RevenuePerMu,
    }.FillFrom(evaluation);

    /// <summary>The figures of a proto evaluation; <c>UNSPECIFIED</c> grade is "not given", an area not a number is none.</summary>
    public static PerMuFigures ToFigures(this Proto.PerMuEvaluation evaluation) => new()
    {
        Grade = evaluation.Grade == Proto.PerMuGrade.Unspecified ? null : (PerMuGrade)evaluation.Grade,
        LandAreaMu = double.IsFinite(evaluation.LandAreaMu) && Math.Abs(evaluation.LandAreaMu) < 1e15 ? (decimal)evaluation.LandAreaMu : -1,
        TaxYuan = evaluation.TaxYuan,
        RevenueYuan = evaluation.RevenueYuan,
    };
}
