using System.Text.Json;
using Industry.EndToEndTests.Quickstarts;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests.WebPage;

/// <summary>
/// Keyboard use and accessibility of the page in headless Chromium (web/e2e/a11y-check.mjs) on the demo data, on a
/// laptop and a phone: Tab reaches every control in document order and each shows its focus, the sign-in and the
/// year/month pickers work with the keyboard only, and axe-core (WCAG 2.1 A/AA) finds nothing serious or critical on
/// any view. Screenshots of each view are saved beside the other browser tests' (<see cref="PageCheck.ArtefactFolder"/>).
/// </summary>
[Collection(DemoDefinition.Name)]
public sealed class WebPageAccessibilityTests(DemoFixture demo)
{
    private static readonly string[] Devices = ["laptop", "phone"];

    [Fact]
    public async Task Page_IsUsableByKeyboard_AndAxeFindsNothingSeriousOnAnyView()
    {
        var origin = demo.Suite.Suite.Gateway.HttpAddress.GetLeftPart(UriPartial.Authority);
        var run = await QuickstartProcess.RunAsync(
            ["node", "web/e2e/a11y-check.mjs", "--origin", origin, "--token", TestTokens.Viewer, "--year", "2024", "--month", "12", "--screenshots", PageCheck.ArtefactFolder],
            new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, run.ToString());
        using var result = JsonDocument.Parse(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last());
        var views = result.RootElement.GetProperty("views");
        // axe-core's findings on every view first, all at once: one failure message names them all.
        var serious = Devices.SelectMany(device => new[]
        {
            Serious(views.GetProperty($"sign-in-{device}").GetProperty("axe"), $"sign-in, {device}"),
            Serious(views.GetProperty($"dashboard-{device}").GetProperty("axe"), $"dashboard, {device}"),
            Serious(views.GetProperty($"dashboard-{device}").GetProperty("afterPickersAxe"), $"dashboard after the pickers, {device}"),
        }.SelectMany(f => f)).ToList();
        Assert.True(serious.Count == 0, $"axe-core finds serious or critical violations:\n{string.Join('\n', serious)}");

        foreach (var device in Devices)
        {
            var signIn = views.GetProperty($"sign-in-{device}");
            AssertTabReachesEveryControlInOrder(signIn, $"sign-in, {device}");
            // The sign-in view puts focus on its form: one Tab reaches the token field (two from the skip link).
            Assert.True(signIn.GetProperty("tabsToTokenField").GetInt32() <= 2, $"sign-in, {device}: the token field is {signIn.GetProperty("tabsToTokenField")} Tabs away");
            Assert.True(signIn.GetProperty("submitFocused").GetBoolean(), $"sign-in, {device}: Tab from the token field does not reach 登录");
            Assert.True(signIn.GetProperty("signedIn").GetBoolean());

            var dashboard = views.GetProperty($"dashboard-{device}");
            AssertTabReachesEveryControlInOrder(dashboard, $"dashboard, {device}");
            var first = Keys(dashboard).Take(5).ToArray();
            Assert.Equal(["a:跳到主要内容", "#sign-out", "select[name=year]", "select[name=month]", "button:查看"], first.Select(Short));

            // The pickers by keys alone: the year above 2024 in the list (newest first), March, Enter on 查看.
            var years = dashboard.GetProperty("yearOptions").EnumerateArray().Select(y => y.GetString()!).ToList();
            var yearChosen = years[years.IndexOf("2024") - 1];
            Assert.Equal("查看", dashboard.GetProperty("submitFocused").GetString());
            var after = dashboard.GetProperty("afterPickers");
            Assert.Equal($"?year={yearChosen}&month=3", after.GetProperty("search").GetString());
            Assert.StartsWith($"{yearChosen} 年 1–3 月", after.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(result.RootElement.GetProperty("consoleErrors").EnumerateArray().Select(e => e.GetString()!),
            e => e.StartsWith("pageerror", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Serious(JsonElement violations, string view) => violations.EnumerateArray()
        .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
        .Select(v => $"{view}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}");

    /// <summary>Every focusable element is reached, in document order (no positive tabindex), visible and with a visible focus.</summary>
    private static void AssertTabReachesEveryControlInOrder(JsonElement view, string name)
    {
        var order = Cycle(view);
        var reached = order.Select(f => f.GetProperty("index").GetInt32()).ToList();
        var focusables = view.GetProperty("focusables").EnumerateArray().Select(f => f.GetProperty("index").GetInt32()).ToList();
        Assert.True(focusables.Count > 0, name);
        Assert.True(focusables.SequenceEqual(reached), $"{name}: Tab reached [{string.Join(", ", order.Select(f => f.GetProperty("key").GetString()))}] (element indexes {string.Join(",", reached)}), the document has focusable {string.Join(",", focusables)}");
        foreach (var focused in order)
        {
            var key = focused.GetProperty("key").GetString();
            Assert.True(focused.GetProperty("focusVisible").GetBoolean(), $"{name}: {key} is focused without :focus-visible");
            Assert.True(focused.GetProperty("outline").ValueKind != JsonValueKind.Null || focused.GetProperty("boxShadow").ValueKind != JsonValueKind.Null,
                $"{name}: {key} shows no focus (no outline of 2px or more, no box shadow)");
            Assert.True(focused.GetProperty("visible").GetBoolean(), $"{name}: {key} is focused off screen");
        }
    }

    /// <summary>
    /// The Tab cycle from the top of the document: the script starts wherever focus was (the sign-in view focuses its
    /// form) and goes once round, so its list is turned to begin at the first element in document order.
    /// </summary>
    private static List<JsonElement> Cycle(JsonElement view)
    {
        var order = view.GetProperty("order").EnumerateArray().ToList();
        var first = order.FindIndex(f => f.GetProperty("index").GetInt32() == order.Min(o => o.GetProperty("index").GetInt32()));
        return [.. order.Skip(first), .. order.Take(first)];
    }

    private static IEnumerable<string> Keys(JsonElement view) => Cycle(view).Select(f => f.GetProperty("key").GetString()!);

    /// <summary>A focused element's key without the text after a control's name (select keys carry their label too).</summary>
    private static string Short(string key) => key.StartsWith("select", StringComparison.Ordinal) ? key[..key.IndexOf(':', StringComparison.Ordinal)] : key;
}
