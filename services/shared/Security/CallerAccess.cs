using Grpc.Core;
using Industry.Common.V1;
using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Security;

/// <summary>The caller of a gRPC call, and the city rule of <see cref="Access.CityWrite"/> methods.</summary>
public static class CallerAccess
{
    /// <summary>The caller of <paramref name="context"/>'s call (its token's claims; no role when unauthenticated).</summary>
    public static Caller Caller(this ServerCallContext context) => Security.Caller.From(context.GetHttpContext().User);

    /// <summary>Whether the caller may write a resource of <paramref name="cityCode"/> (for bulk calls that fail a row instead of the call).</summary>
    public static bool MayWriteCity(this Caller caller, string? cityCode) =>
        caller.IsProvinceAdmin || (caller.IsCityEditor && cityCode is not null && cityCode == caller.CityCode);

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
