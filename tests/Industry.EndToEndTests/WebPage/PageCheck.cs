using System.Text.Json;
using Industry.EndToEndTests.Quickstarts;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests.WebPage;

/// <summary>What the page showed a reader in headless Chromium (web/e2e/page-check.mjs), parsed from its JSON.</summary>
public sealed record PageSeen(
    string Href,
    bool SignIn,
    string? SignInReason,
    bool TokenInSession,
    bool TokenInLocalStorage,
    string Cookies,
    IReadOnlyList<UnavailableNotice> Unavailable,
    IReadOnlyList<string> Sections,
    int Charts,
    IReadOnlyDictionary<string, FigureSeen> Figures,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Tables,
    IReadOnlyList<string> ConsoleErrors,
    bool? PhoneOverflow);

public sealed record UnavailableNotice(string? Section, string Service);

public sealed record FigureSeen(string? Actual, string? Target, string? Percent, string? Definition, string? DescribedBy);

/// <summary>
/// Runs web/e2e/page-check.mjs against a gateway and saves its screenshots as test artefacts
/// (<c>$TEST_RESULTS_DIR/web/</c>, or <c>TestResults/web/</c> in the repository as scripts/test.sh lays it out).
/// </summary>
public static class PageCheck
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static string ArtefactFolder { get; } = CreateArtefactFolder();

    public static async Task<PageSeen> RunAsync(string url, string view, bool waitForSignIn = false)
    {
        var command = new List<string>
        {
            "node", "web/e2e/page-check.mjs", "--url", url, "--wait", waitForSignIn ? "sign-in" : "ready",
            "--screenshot", Path.Combine(ArtefactFolder, $"{view}.png"),
        };
        if (!waitForSignIn)
        {
            command.AddRange(["--phone-screenshot", Path.Combine(ArtefactFolder, $"{view}-phone.png")]);
        }

        var run = await QuickstartProcess.RunAsync(command, new Dictionary<string, string>(), TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, run.ToString());
        var line = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        return JsonSerializer.Deserialize<PageSeen>(line, Json) ?? throw new InvalidOperationException(run.ToString());
    }

    private static string CreateArtefactFolder()
    {
        var results = Environment.GetEnvironmentVariable("TEST_RESULTS_DIR") is { Length: > 0 } configured
            ? configured : Path.Combine(RepositoryPaths.Root, "TestResults");
        var folder = Path.Combine(results, "web");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
