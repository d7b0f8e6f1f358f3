using System.Text.RegularExpressions;
using Google.Rpc;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Resources;

namespace Industry.ServiceDefaults.UnitTests;

/// <summary>
/// Every error reason the services can raise has an English and a Chinese text (ADR 0034). The reasons are found in the
/// sources, not listed by hand: every UPPER_SNAKE string literal under <c>services/</c>, and every single-word literal
/// passed next to an error kind or status code, except enum value names of the contracts, precondition violation types
/// and configuration keys. A new reason fails here until <c>error-texts.csv</c> has its row.
/// </summary>
public sealed partial class ErrorTextsTests
{
    public static TheoryData<string> EveryReasonRaised()
    {
        var data = new TheoryData<string>();
        foreach (var reason in ReasonsInSources())
        {
            data.Add(reason);
        }

        return data;
    }

    public static TheoryData<string> EveryReasonOfTheCatalogue()
    {
        var data = new TheoryData<string>();
        foreach (var reason in ErrorTexts.All.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(reason);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryReasonRaised))]
    public void EveryReasonRaised_IsInTheCatalogue(string reason)
    {
        Assert.True(ErrorTexts.All.ContainsKey(reason), $"{reason} is raised but has no row in services/shared/Errors/Texts/error-texts.csv.");
    }

    [Theory]
    [MemberData(nameof(EveryReasonOfTheCatalogue))]
    public void EveryReasonOfTheCatalogue_HasAnEnglishAndAChineseText(string reason)
    {
        var (english, chinese) = ErrorTexts.All[reason];

        Assert.False(string.IsNullOrWhiteSpace(english), $"{reason} has no English text.");
        Assert.False(string.IsNullOrWhiteSpace(chinese), $"{reason} has no Chinese text.");
        Assert.Contains(chinese, c => c >= '\u4e00' && c <= '\u9fff');
        Assert.DoesNotContain(english, c => c >= '\u4e00' && c <= '\u9fff');
    }

    [Fact]
    public void Catalogue_HasNoReasonTheSourcesNoLongerRaise()
    {
        var raised = ReasonsInSources().ToHashSet(StringComparer.Ordinal);

        Assert.Empty(ErrorTexts.All.Keys.Where(r => !raised.Contains(r)).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void SourceScan_FindsTheReasonsOfEveryKindOfCallSite()
    {
        var raised = ReasonsInSources();

        Assert.Superset(
            new HashSet<string> { "INTERNAL", "CANCELLED", "RESOURCE_NOT_FOUND", "TOKEN_MISSING", "RATE_LIMITED", "BACKEND_TIMEOUT", "PERIOD_CLOSED", "CLUSTER_HAS_MEMBERS", "LEAD_INDUSTRY_REQUIRED" },
            raised.ToHashSet());
        Assert.DoesNotContain("CHAIN_LEADER", raised); // a precondition type only
        Assert.DoesNotContain("QUALIFICATION_TYPE_UNSPECIFIED", raised); // an enum value
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-Hans-CN,zh;q=0.9,en;q=0.8", "zh-CN")]
    [InlineData("en-US,en;q=0.9,zh-CN;q=0.8", "en-US")]
    [InlineData("fr-FR, zh-TW;q=0.5", "zh-CN")]
    [InlineData("en;q=0.2, zh;q=0.9", "zh-CN")]
    [InlineData("zh;q=0, en", "en-US")]
    [InlineData("fr-FR", "en-US")]
    [InlineData("", "en-US")]
    [InlineData(null, "en-US")]
    [InlineData(";;;q=zz,\u0000", "en-US")]
    public void Negotiate_AcceptLanguage_PicksTheCallersPreferredSupportedLocale(string? header, string locale)
    {
        Assert.Equal(locale, ErrorLocale.Negotiate(header));
    }

    [Fact]
    public void ToStatus_Chinese_CarriesTheReasonsChineseText()
    {
        var mapper = new ErrorStatusMapper("projects.industry.anhui.gov.cn");

        var chinese = mapper.ToStatus(ServiceException.NotFound("projects/p1"), locale: ErrorLocale.Chinese)!;
        var english = mapper.ToStatus(ServiceException.NotFound("projects/p1"))!;

        var zh = Assert.Single(chinese.Details, d => d.Is(LocalizedMessage.Descriptor)).Unpack<LocalizedMessage>();
        var en = Assert.Single(english.Details, d => d.Is(LocalizedMessage.Descriptor)).Unpack<LocalizedMessage>();
        Assert.Equal(("zh-CN", "所查询的记录不存在。"), (zh.Locale, zh.Message));
        Assert.Equal(("en-US", "The requested record does not exist."), (en.Locale, en.Message));
        Assert.Equal(chinese.Message, english.Message); // the developer's message stays English (AIP-193)
    }

    private static List<string> ReasonsInSources()
    {
        var enumValues = SuiteContracts.Enums.SelectMany(e => e.Values.Select(v => v.Name)).ToHashSet(StringComparer.Ordinal);
        var reasons = new SortedSet<string>(StringComparer.Ordinal);
        var root = Path.Combine(RepositoryRoot(), "services");
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            var notReasons = NotReasonLiteral().Matches(source).Select(m => m.Groups["at"].Index).ToHashSet();
            foreach (Match literal in SnakeLiteral().Matches(source))
            {
                var value = literal.Groups["value"];
                if (!notReasons.Contains(literal.Index) && !enumValues.Contains(value.Value) && !value.Value.EndsWith('_'))
                {
                    reasons.Add(value.Value);
                }
            }

            foreach (Match literal in SingleWordReason().Matches(source))
            {
                reasons.Add(literal.Groups["value"].Value);
            }
        }

        return [.. reasons];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Industry.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Industry.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>An UPPER_SNAKE literal with at least one underscore, e.g. "PERIOD_CLOSED".</summary>
    [GeneratedRegex("\"(?<value>[A-Z][A-Z0-9]*(?:_[A-Z0-9]*)+)\"")]
    private static partial Regex SnakeLiteral();

    /// <summary>A one-word reason beside the error kind or status code it is raised with, e.g. Build(Code.Internal, "INTERNAL".</summary>
    [GeneratedRegex("(?:ErrorKind|Code)\\.\\w+,\\s*\"(?<value>[A-Z][A-Z0-9]+)\"")]
    private static partial Regex SingleWordReason();

    /// <summary>
    /// Literals that are not reasons: a precondition violation's type (its first argument), a configuration key, a value
    /// compared with a CSV column.
    /// </summary>
    [GeneratedRegex("(?:PreconditionViolation\\(|new\\(|Configuration\\[|\\]\\s*==\\s*)(?<at>\")")]
    private static partial Regex NotReasonLiteral();
}
