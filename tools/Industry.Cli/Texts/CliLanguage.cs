namespace Industry.Cli.Texts;

/// <summary>
/// The language of the client's messages and of the server's (sent as <c>accept-language</c>): <c>--lang</c>, else the
/// POSIX locale variables in their order of precedence (<c>LC_ALL</c>, <c>LC_MESSAGES</c>, <c>LANG</c>); any
/// <c>zh*</c> locale is Chinese, anything else (<c>C</c>, unset included) English.
/// </summary>
internal sealed record CliLanguage(bool IsChinese)
{
    public static readonly CliLanguage Chinese = new(true);

    public static readonly CliLanguage English = new(false);

    public static readonly string[] LocaleVariables = ["LC_ALL", "LC_MESSAGES", "LANG"];

    /// <summary>What the gateway negotiates on (ADR 0034): <c>zh-CN</c> or <c>en-US</c>.</summary>
    public string AcceptLanguage => IsChinese ? "zh-CN" : "en-US";

    /// <param name="option">The value of <c>--lang</c>, if given (<c>zh</c>, <c>zh-CN</c>, <c>en</c>, …).</param>
    /// <param name="environment">Reads an environment variable.</param>
    public static CliLanguage Select(string? option, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return FromTag(option);
        }

        // The first variable that is set and not empty decides, as setlocale(3) does; a later one never overrides it.
        var locale = LocaleVariables.Select(environment).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return locale is null ? English : FromTag(locale);
    }

    private static CliLanguage FromTag(string tag) =>
        tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public string Text(string english, string chinese) => IsChinese ? chinese : english;
}
