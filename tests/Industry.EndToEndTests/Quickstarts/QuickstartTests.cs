using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Industry.Clusters.V1;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;
using Xunit.Abstractions;

namespace Industry.EndToEndTests.Quickstarts;

/// <summary>
/// Issue 24's quickstarts, run as a developer runs them from their README against the whole suite: each must print
/// the lines it promises, about a resource it really created, and must fail, saying why, when the suite refuses its
/// token.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class QuickstartTests(SuiteFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan PrepareTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ProgramTimeout = TimeSpan.FromSeconds(90);

    public static TheoryData<string> Languages => QuickstartCatalogue.Languages;

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Quickstart_AgainstTheSuite_PrintsWhatItPromisesAboutTheClusterItCreated(string language)
    {
        var quickstart = QuickstartCatalogue.ByLanguage[language];

        var run = await RunAsync(quickstart, TestTokens.Admin);

        Assert.True(run.ExitCode == 0, $"the {language} quickstart failed:\n{run}");
        var captured = PromisedLines.Check(quickstart.Promises, run.Output);
        var cluster = await new ClusterService.ClusterServiceClient(fixture.Gateway)
            .GetClusterAsync(new GetClusterRequest { Name = captured["cluster"] }, deadline: DateTime.UtcNow.AddSeconds(15));
        Assert.Equal(captured["cluster"], cluster.Name);
        Assert.Equal(ClusterState.Cultivating, cluster.State);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Quickstart_WithATokenTheSuiteDidNotSign_ExitsNonZeroSayingWhy(string language)
    {
        var quickstart = QuickstartCatalogue.ByLanguage[language];
        var foreign = DevelopmentTokens.Mint(TestTokens.Options, "quickstart-impostor", Roles.ProvinceAdmin, null, TimeSpan.FromHours(1), signingKey: RandomNumberGenerator.GetBytes(32));

        var run = await RunAsync(quickstart, foreign);

        Assert.True(run.ExitCode != 0, $"the {language} quickstart succeeded with a foreign token:\n{run}");
        Assert.Matches(new Regex(quickstart.RefusedTokenError, RegexOptions.Multiline), run.Errors);
        Assert.DoesNotContain("created ", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Runs the quickstart's commands in order; a preparing command that fails fails the test.</summary>
    private async Task<QuickstartOutput> RunAsync(Quickstart quickstart, string token)
    {
        var environment = QuickstartEnvironment.For(fixture, token);
        QuickstartOutput? last = null;
        for (var i = 0; i < quickstart.Commands.Count; i++)
        {
            var isProgram = i == quickstart.Commands.Count - 1;
            last = await QuickstartProcess.RunAsync(quickstart.Commands[i], environment, isProgram ? ProgramTimeout : PrepareTimeout);
            output.WriteLine(last.ToString());
            Assert.True(isProgram || last.ExitCode == 0, $"preparing the {quickstart.Language} quickstart failed:\n{last}");
        }

        return last ?? throw new InvalidOperationException($"the {quickstart.Language} quickstart has no command");
    }
}
