using Industry.Projects.Domain;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Resources;

namespace Industry.Projects.Api;

/// <summary>An <c>UpdatePlan</c> request, validated: which fields it sets and their values. Invalid input is rejected whole.</summary>
internal sealed record PlanUpdateRequest(int Year, IReadOnlySet<string> Paths, int? Total, IReadOnlyList<Domain.PlanCityTarget> Cities, double? Growth, string Etag)
{
    public const string TotalPath = "target_key_projects_under_implementation";
    public const string CitiesPath = "city_targets";
    public const string GrowthPath = "target_investment_growth_percent";

    private static readonly string[] Writable = [TotalPath, CitiesPath, GrowthPath];

    public static PlanUpdateRequest From(UpdatePlanRequest request)
    {
        var plan = request.Plan ?? throw ServiceException.InvalidArgument("plan", "is required.");
        var year = ResourceName.Year(plan.Name, "plans", "plan.name");
        var paths = UpdateMask.Resolve(request.UpdateMask, Writable, path => path switch
        {
            TotalPath => plan.HasTargetKeyProjectsUnderImplementation,
            CitiesPath => plan.CityTargets.Count > 0,
            GrowthPath => plan.HasTargetInvestmentGrowthPercent,
            _ => false,
        });

        var violations = new List<FieldViolation>();
        if (plan.HasTargetKeyProjectsUnderImplementation && plan.TargetKeyProjectsUnderImplementation < 0)
        {
            violations.Add(new("plan.target_key_projects_under_implementation", "must not be negative."));
        }

        if (plan.HasTargetInvestmentGrowthPercent && (!double.IsFinite(plan.TargetInvestmentGrowthPercent) || plan.TargetInvestmentGrowthPercent is < -100 or > 1000))
        {
            violations.Add(new("plan.target_investment_growth_percent", "must be a percentage from -100 to 1000."));
        }

        for (var i = 0; i < plan.CityTargets.Count; i++)
        {
            var city = plan.CityTargets[i];
            if (!Divisions.IsCity(city.CityCode))
            {
                violations.Add(new($"plan.city_targets[{i}].city_code", $"'{city.CityCode}' is not the code of a city of Anhui."));
            }
            else if (plan.CityTargets.Take(i).Any(c => c.CityCode == city.CityCode))
            {
                violations.Add(new($"plan.city_targets[{i}].city_code", $"{city.CityCode} appears more than once."));
            }

            if (city.TargetKeyProjectsUnderImplementation < 0)
            {
                violations.Add(new($"plan.city_targets[{i}].target_key_projects_under_implementation", "must not be negative."));
            }
        }

        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        return new PlanUpdateRequest(
            year,
            paths,
            plan.HasTargetKeyProjectsUnderImplementation ? plan.TargetKeyProjectsUnderImplementation : null,
            [.. plan.CityTargets.Select(c => new Domain.PlanCityTarget(c.CityCode, c.TargetKeyProjectsUnderImplementation))],
            plan.HasTargetInvestmentGrowthPercent ? plan.TargetInvestmentGrowthPercent : null,
            plan.Etag);
    }

    /// <summary>The plan's values after the update: the masked fields from the request, the rest as they are.</summary>
    public (int? Total, IReadOnlyList<Domain.PlanCityTarget> Cities, double? Growth) Merge(Domain.Plan current) => (
        Paths.Contains(TotalPath) ? Total : current.TargetKeyProjectsUnderImplementation,
        Paths.Contains(CitiesPath) ? Cities : current.CityTargets,
        Paths.Contains(GrowthPath) ? Growth : current.TargetInvestmentGrowthPercent);

    public static string PathOf(PlanField field) => field switch
    {
        PlanField.TargetKeyProjectsUnderImplementation => TotalPath,
        PlanField.CityTargets => CitiesPath,
        _ => GrowthPath,
    };
}
