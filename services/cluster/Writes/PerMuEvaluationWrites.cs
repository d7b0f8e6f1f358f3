using Google.Protobuf.WellKnownTypes;
using Industry.Clusters.Api;
using Industry.Clusters.Data;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Writes;

/// <summary>亩均效益评价: creating an enterprise's evaluation of a year and correcting it, under the city rule of its enterprise.</summary>
internal sealed class PerMuEvaluationWrites(ClusterDbContext db)
{
    public async Task<Proto.PerMuEvaluation> CreateAsync(Write write, string parent, Proto.PerMuEvaluation? requested)
    {
        requested = RequiredFields.Required(requested, "per_mu_evaluation");
        var uscc = ResourceName.Id(parent, Enterprise.Collection, "parent").ToUpperInvariant();
        var figures = requested.ToFigures();
        ServiceException.ThrowIfAny([
            .. PerMuRules.YearProblem(requested.Year, write.Today.Year) is { } problem ? [new FieldViolation("per_mu_evaluation.year", problem)] : Array.Empty<FieldViolation>(),
            .. PerMuRules.Check(figures)]);

        // The city rule before existence, so that a city editor learns nothing of another city's enterprises.
        var found = await db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Uscc == uscc, write.CancellationToken);
        var enterpriseName = Enterprise.Collection + "/" + uscc;
        write.RequireCity(found?.CityCode, enterpriseName);
        Enterprise enterprise = found ?? throw ServiceException.NotFound(enterpriseName);

        var year = requested.Year;
        var name = $"{enterpriseName}/{PerMuEvaluation.Collection}/{year}";
        if (await db.PerMuEvaluations.AnyAsync(e => e.Uscc == uscc && e.Year == year, write.CancellationToken))
        {
            throw ServiceException.AlreadyExists(name);
        }

        var evaluation = await write.AddAbsentAsync(db.PerMuEvaluations, name, version => PerMuEvaluation.Create(enterprise, year, figures, write.Now, write.Actor, version));
        return write.Raise(evaluation.ToProto(), p => new Proto.PerMuEvaluationCreated { PerMuEvaluation = p }, evaluation);
    }

    public async Task<Proto.PerMuEvaluation> UpdateAsync(Write write, Proto.PerMuEvaluation? requested, FieldMask? mask)
    {
        requested = RequiredFields.Required(requested, "per_mu_evaluation");
        var (uscc, year) = PerMuEvaluation.ParseName(requested.Name, "per_mu_evaluation.name");
        var evaluation = await write.LoadAsync(db.PerMuEvaluations.Where(e => e.Uscc == uscc && e.Year == year), requested.Name, requested.Etag);
        if (requested.Year != 0 && requested.Year != evaluation.Year)
        {
            throw ServiceException.InvalidArgument("per_mu_evaluation.year", "is immutable (the evaluation's id).");
        }

        var merged = PerMuEvaluationMapping.Editable.Merge(evaluation.ToFigures(), requested.ToFigures(), mask);
        ServiceException.ThrowIfAny(PerMuRules.Check(merged));
        var changed = evaluation.Revise(merged, write.Now, write.Actor);
        return write.RaiseIfChanged(changed, evaluation.ToProto(), (p, m) => new Proto.PerMuEvaluationUpdated { PerMuEvaluation = p, UpdateMask = m }, evaluation);
    }
}
