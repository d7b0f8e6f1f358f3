using Industry.Cli.Texts;

namespace Industry.Cli.UnitTests;

public sealed class CliLanguageTests
{
    [Theory]
    [InlineData(null, null, null, null, false)] // nothing set: English
    [InlineData(null, null, null, "zh_CN.UTF-8", true)]
    [InlineData(null, null, null, "C.UTF-8", false)]
    [InlineData(null, null, null, "en_US.UTF-8", false)]
    [InlineData(null, "en_US.UTF-8", null, "zh_CN.UTF-8", false)] // LC_ALL overrides LANG
    [InlineData(null, null, "zh_TW.UTF-8", "en_US.UTF-8", true)] // LC_MESSAGES overrides LANG
    [InlineData(null, "", null, "zh_CN.UTF-8", true)] // an empty variable counts as unset
    [InlineData("en", "zh_CN.UTF-8", null, null, false)] // --lang overrides every variable
    [InlineData("zh", null, null, "en_US.UTF-8", true)]
    [InlineData("ZH-cn", null, null, null, true)]
    public void Select_FollowsLangThenPosixPrecedence(string? option, string? all, string? messages, string? lang, bool chinese)
    {
        var environment = new Dictionary<string, string?> { ["LC_ALL"] = all, ["LC_MESSAGES"] = messages, ["LANG"] = lang };

        var selected = CliLanguage.Select(option, name => environment.GetValueOrDefault(name));

        Assert.Equal(chinese, selected.IsChinese);
        Assert.Equal(chinese ? "zh-CN" : "en-US", selected.AcceptLanguage);
    }
}
