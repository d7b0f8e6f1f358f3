using Grpc.Core;
using Industry.Common.V1;
using Industry.ServiceDefaults.Security;

namespace Industry.EndToEndTests.AccessMatrix;

/// <summary>What a call must answer, from the method's declared access alone (docs/security.md), never from a hand table.</summary>
internal sealed record Expected(string Description, bool Refused, Func<Outcome, bool> Holds)
{
    public static Expected For(Access access, Identity identity, CityResources? target)
    {
        if (!identity.Authenticated)
        {
            return new($"UNAUTHENTICATED/{identity.TokenFailure}", true, o => o.Code == StatusCode.Unauthenticated && o.Reason == identity.TokenFailure);
        }

        var cityEditorInCity = identity.Role == Roles.CityEditor && target?.City == CityResources.CityA;
        var passes = access switch
        {
            Access.Read => true,
            Access.CityWrite => identity.Role == Roles.ProvinceAdmin || cityEditorInCity,
            Access.CountyWrite => identity.Role == Roles.ProvinceAdmin || cityEditorInCity || (identity.Role == Roles.CountyEditor && target?.County == CityResources.CountyA),
            Access.AdminWrite => identity.Role == Roles.ProvinceAdmin,
            _ => false,
        };
        if (passes)
        {
            return new("to pass authorization (and reach a method)", false, o => o.PassedAuthorization && !o.NoSuchMethod);
        }

        var reason = (access, identity.Role) switch
        {
            (Access.CityWrite or Access.CountyWrite, Roles.CityEditor) => "OUTSIDE_CALLER_CITY",
            (Access.CountyWrite, Roles.CountyEditor) => "OUTSIDE_CALLER_COUNTY",
            _ => "ROLE_NOT_PERMITTED",
        };
        return new($"PERMISSION_DENIED/{reason}", true, o => o.Code == StatusCode.PermissionDenied && o.Reason == reason);
    }

    /// <summary>
    /// A path variant: no such method for everyone (or, for a caller refused anyway, the very refusal of the canonical
    /// path); a variant the server normalises answers exactly as the canonical path.
    /// </summary>
    public Expected For(PathVariant variant) => variant.Normalised || variant.Name == "canonical"
        ? this
        : new($"UNIMPLEMENTED (no such method){(Refused ? " or " + Description : string.Empty)}", true, o => o.NoSuchMethod || (Refused && Holds(o)));
}
