using Industry.ServiceDefaults.Security;
using Proto = Industry.Parks.V1;

namespace Industry.Parks.Api;

/// <summary>
/// Who may call what (the service's contract, after DESIGN.md 3.5): reads need any role; parks are created, edited and
/// submitted, and transformations written, by a province admin or a city editor in the park's city (the methods check
/// the city); deletion, certification, rejection, revocation and targets are the province admin's.
/// </summary>
internal static class ParkAccess
{
    public static readonly MethodPermissions Table = MethodPermissions.For(Proto.ParkService.Descriptor, new Dictionary<string, Access>
    {
        ["CreatePark"] = Access.CityWrite,
        ["UpdatePark"] = Access.CityWrite,
        ["SubmitPark"] = Access.CityWrite,
        ["DeletePark"] = Access.AdminWrite,
        ["CertifyPark"] = Access.AdminWrite,
        ["RejectPark"] = Access.AdminWrite,
        ["RevokePark"] = Access.AdminWrite,
        ["RecordTransformation"] = Access.CityWrite,
        ["BatchRecordTransformations"] = Access.CityWrite,
        ["UpdateTransformation"] = Access.CityWrite,
        ["DeleteTransformation"] = Access.CityWrite,
        ["UpdateDigitalTargets"] = Access.AdminWrite,
    });
}
