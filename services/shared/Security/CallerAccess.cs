using Grpc.Core;
using Industry.Common.V1;
using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Security;

/// <summary>The caller of a gRPC call, and the city and county rules of <see cref="Access.CityWrite"/> and <see cref="Access.CountyWrite"/> methods.</summary>
public static class CallerAccess
{
    /// <summary>The caller of <paramref name="context"/>'s call (its token's claims; no role when unauthenticated).</summary>
    public static Caller Caller(this ServerCallContext context) => Security.Caller.From(context.GetHttpContext().User);

    /// <summary>Whether the caller may write a resource of <paramref name="cityCode"/> (for bulk calls that fail a row instead of the call).</summary>
    public static bool MayWriteCity(this Caller caller, string? cityCode) =>
        caller.IsProvinceAdmin || (caller.IsCityEditor && cityCode is not null && cityCode == caller.CityCode);

    /// <summary>
    /// Whether the caller may write a resource of <paramref name="countyCode"/> in <paramref name="cityCode"/>: as
    /// <see cref="MayWriteCity"/>, or a county editor in its own county (only <see cref="Access.CountyWrite"/> methods
    /// let a county editor in at all).
    /// </summary>
    public static bool MayWriteCounty(this Caller caller, string? cityCode, string? countyCode) =>
        caller.IsCountyEditor ? countyCode is not null && countyCode == caller.CountyCode : caller.MayWriteCity(cityCode);

    /// <summary>The refusal of a county editor's write outside its county (or of a resource that does not exist), as <see cref="OutsideCity"/> for a city.</summary>
    public static ServiceException OutsideCounty(Caller caller, string resource) =>
        new(ErrorKind.PermissionDenied, "OUTSIDE_CALLER_COUNTY",
            $"The caller may not write {resource}: it is not in the caller's county, or it does not exist.",
            new Dictionary<string, string> { ["resource"] = resource, ["caller_county"] = caller.CountyCode ?? string.Empty });

    /// <summary>
    /// The error for a write outside the caller's city; it says nothing of whether the resource exists. With
    /// <paramref name="field"/>, the write is of a reference: the written resource is the caller's, but
    /// <paramref name="field"/> names <paramref name="resource"/> of a city it may not write into (ADR 0017).
    /// </summary>
    public static ServiceException OutsideCity(Caller caller, string resource, string? field = null)
    {
        var metadata = new Dictionary<string, string> { ["resource"] = resource, ["caller_city"] = caller.CityCode ?? string.Empty };
        if (field is null)
        {
            return new(ErrorKind.PermissionDenied, "OUTSIDE_CALLER_CITY",
                $"The caller may not write {resource}: it is not in the caller's city, or it does not exist.", metadata);
        }

        metadata["field"] = field;
        return new(ErrorKind.PermissionDenied, "OUTSIDE_CALLER_CITY",
            $"{field} names {resource}, which is not in the caller's city.", metadata);
    }
}
