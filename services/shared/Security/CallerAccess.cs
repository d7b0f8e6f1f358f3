using Grpc.Core;
using Industry.Common.V1;
using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Security;

/// <summary>The caller of a gRPC call, and the city rule of <see cref="Access.CityWrite"/> methods.</summary>
public static class CallerAccess
{
    /// <summary>The caller of <paramref name="context"/>'s call (its token's claims; no role when unauthenticated).</summary>
    public static Caller Caller(this ServerCallContext context) => Security.Caller.From(context.GetHttpContext().User);

    /// <summary>
    /// Lets a <see cref="Roles.ProvinceAdmin"/> through, and a <see cref="Roles.CityEditor"/> only when
    /// <paramref name="cityCode"/> is its city; anyone else gets <c>PERMISSION_DENIED</c>. Pass <see langword="null"/> for a
    /// resource that does not exist, before answering <c>NOT_FOUND</c>: a city editor then cannot tell another city's
    /// resource from an absent one, so ids cannot be probed (AIP-211).
    /// </summary>
    /// <param name="context">The call.</param>
    /// <param name="cityCode">The city of the resource written (for a move, call once for each city).</param>
    /// <param name="resource">The resource's name, for the message.</param>
    public static void RequireCity(this ServerCallContext context, string? cityCode, string resource)
    {
        var caller = context.Caller();
        if (caller.IsProvinceAdmin || (caller.IsCityEditor && cityCode is not null && cityCode == caller.CityCode))
        {
            return;
        }

        throw OutsideCity(caller, resource);
    }

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
