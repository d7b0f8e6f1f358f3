using System.Globalization;
using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Resources;

/// <summary>
/// AIP-154 etags derived from a resource's version counter (incremented on every write, also the concurrency token
/// in the database), written as a weak HTTP validator: <c>W/"7"</c>.
/// </summary>
public static class Etag
{
    public static string Of(long version) => "W/\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Does nothing when <paramref name="supplied"/> is empty (unconditional write) or current; else ABORTED.</summary>
    public static void Require(string? supplied, long currentVersion, string resourceName)
    {
        if (!string.IsNullOrEmpty(supplied) && supplied != Of(currentVersion))
        {
            throw ServiceException.EtagMismatch(resourceName, Of(currentVersion));
        }
    }
}
