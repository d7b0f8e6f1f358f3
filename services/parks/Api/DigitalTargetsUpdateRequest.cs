using Industry.Parks.V1;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Resources;

namespace Industry.Parks.Api;

/// <summary>An <c>UpdateDigitalTargets</c> request, validated: which targets it sets and their values. Invalid input is rejected whole.</summary>
internal sealed record DigitalTargetsUpdateRequest(
    int Year,
    IReadOnlySet<string> Paths,
    int? Parks,
    int? Enterprises,
    int? Leaders,
    IReadOnlyList<Domain.DigitalCityTarget> Cities,
    string Etag)
{
    public const string ParksPath = "parks_certified";
    public const string EnterprisesPath = "enterprises_transformed";
    public const string LeadersPath = "workshops_factories_leaders";
    public const string CitiesPath = "city_targets";

    /// <summary>A target larger than any the province could set (it has ~22,000 above-size enterprises); a bound against typing errors.</summary>
    public const int MaxTarget = 1_000_000;

    private static readonly string[] Writable = [ParksPath, EnterprisesPath, LeadersPath, CitiesPath];

    public static DigitalTargetsUpdateRequest From(UpdateDigitalTargetsRequest request)
    {
        var targets = request.DigitalTargets ?? throw ServiceException.InvalidArgument("digital_targets", "is required.");
        var year = ResourceName.Year(targets.Name, "digitalTargets", "digital_targets.name");
        var paths = UpdateMask.Resolve(request.UpdateMask, Writable, path => path switch
        {
            ParksPath => targets.HasParksCertified,
            EnterprisesPath => targets.HasEnterprisesTransformed,
            LeadersPath => targets.HasWorkshopsFactoriesLeaders,
            _ => targets.CityTargets.Count > 0,
        });

        var violations = new List<FieldViolation>();
        void Check(bool has, int value, string field)
        {
            if (has && value is < 0 or > MaxTarget)
            {
                violations.Add(new(field, $"must be from 0 to {MaxTarget}."));
            }
        }

        Check(targets.HasParksCertified, targets.ParksCertified, "digital_targets." + ParksPath);
        Check(targets.HasEnterprisesTransformed, targets.EnterprisesTransformed, "digital_targets." + EnterprisesPath);
        Check(targets.HasWorkshopsFactoriesLeaders, targets.WorkshopsFactoriesLeaders, "digital_targets." + LeadersPath);
        for (var i = 0; i < targets.CityTargets.Count; i++)
        {
            var city = targets.CityTargets[i];
            var prefix = $"digital_targets.city_targets[{i}].";
            if (!Divisions.IsCity(city.CityCode))
            {
                violations.Add(new(prefix + "city_code", $"'{city.CityCode}' is not the code of a city of Anhui."));
            }
            else if (targets.CityTargets.Take(i).Any(c => c.CityCode == city.CityCode))
            {
                violations.Add(new(prefix + "city_code", $"{city.CityCode} appears more than once."));
            }

            Check(city.HasParksCertified, city.ParksCertified, prefix + ParksPath);
            Check(city.HasEnterprisesTransformed, city.EnterprisesTransformed, prefix + EnterprisesPath);
            Check(city.HasWorkshopsFactoriesLeaders, city.WorkshopsFactoriesLeaders, prefix + LeadersPath);
        }

        if (violations.Count > 0)
        {
            throw ServiceException.InvalidArgument(violations);
        }

        return new DigitalTargetsUpdateRequest(
            year,
            paths,
            targets.HasParksCertified ? targets.ParksCertified : null,
            targets.HasEnterprisesTransformed ? targets.EnterprisesTransformed : null,
            targets.HasWorkshopsFactoriesLeaders ? targets.WorkshopsFactoriesLeaders : null,
            [.. targets.CityTargets.Select(c => new Domain.DigitalCityTarget(
                c.CityCode,
                c.HasParksCertified ? c.ParksCertified : null,
                c.HasEnterprisesTransformed ? c.EnterprisesTransformed : null,
                c.HasWorkshopsFactoriesLeaders ? c.WorkshopsFactoriesLeaders : null))],
            targets.Etag);
    }

    /// <summary>The targets after the update: the masked fields from the request (absent clears), the rest as they are.</summary>
    public IReadOnlyList<string> ApplyTo(Domain.DigitalTargets current, DateTime now, string actor) => current.Set(
        Paths.Contains(ParksPath) ? Parks : current.ParksCertified,
        Paths.Contains(EnterprisesPath) ? Enterprises : current.EnterprisesTransformed,
        Paths.Contains(LeadersPath) ? Leaders : current.WorkshopsFactoriesLeaders,
        Paths.Contains(CitiesPath) ? Cities : current.CityTargets,
        now,
        actor);
}
