using System.Collections.Frozen;
using Google.Rpc;
using Industry.ServiceDefaults.Reference;

namespace Industry.ServiceDefaults.Errors;

/// <summary>
/// The catalogue of error reasons (<c>ErrorInfo.reason</c>) with what each tells a person, in English and in Chinese
/// (<c>Errors/Texts/error-texts.csv</c>, ADR 0034): the text of every error's <c>google.rpc.LocalizedMessage</c>. The
/// texts are fixed per reason, without the values of the request, which the other details carry. A unit test finds the
/// reasons the sources raise and fails on any without both texts.
/// </summary>
public static class ErrorTexts
{
    /// <summary>The text of a reason missing from the catalogue: still a message in the caller's language.</summary>
    private static readonly (string English, string Chinese) Unknown = ("The request failed.", "请求失败。");

    private static readonly FrozenDictionary<string, (string English, string Chinese)> ByReason =
        CsvResource.ReadResource("Industry.Errors.error-texts.csv")
            .ToFrozenDictionary(r => r["reason"], r => (r["en"], r["zh"]), StringComparer.Ordinal);

    /// <summary>Every reason of the catalogue with its English and Chinese text.</summary>
    public static IReadOnlyDictionary<string, (string English, string Chinese)> All => ByReason;

    /// <summary>The caller's message for <paramref name="reason"/> in <paramref name="locale"/> (<see cref="ErrorLocale"/>).</summary>
    public static LocalizedMessage For(string reason, string locale)
    {
        var (english, chinese) = ByReason.TryGetValue(reason, out var texts) ? texts : Unknown;
        return locale == ErrorLocale.Chinese
            ? new LocalizedMessage { Locale = ErrorLocale.Chinese, Message = chinese }
            : new LocalizedMessage { Locale = ErrorLocale.English, Message = english };
    }
}
