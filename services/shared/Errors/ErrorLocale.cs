using Microsoft.Net.Http.Headers;

namespace Industry.ServiceDefaults.Errors;

/// <summary>
/// The language of an error's <c>google.rpc.LocalizedMessage</c> (AIP-193), from the caller's <c>accept-language</c>
/// (gRPC metadata or HTTP header, the same header on the wire): Chinese when the caller prefers any <c>zh</c> tag over
/// English, English otherwise (ADR 0034).
/// </summary>
public static class ErrorLocale
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    /// <summary>The supported locale the caller prefers; English when it names none of them (or nothing, or nonsense).</summary>
    public static string Negotiate(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage)
            || !StringWithQualityHeaderValue.TryParseList(acceptLanguage.Split(','), out var ranges))
        {
            return English;
        }

        // The highest quality wins; among equals, the first listed (RFC 9110 §12.5.4). A quality of 0 means "not this".
        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
        {
            var tag = range.Value.Value ?? string.Empty;
            if (tag.Equals("zh", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))
            {
                return Chinese;
            }

            if (tag.Equals("en", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return English;
    }
}
