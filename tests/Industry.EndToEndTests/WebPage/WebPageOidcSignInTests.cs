using System.Net;
using System.Text.Json;
using Grpc.Core;
using Industry.Clusters.V1;
using Industry.EndToEndTests.Quickstarts;
using Industry.Projects.V1;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests.WebPage;

/// <summary>
/// The page's production sign-in, end to end in headless Chromium (web/e2e/sign-in-check.mjs) against a real OpenID
/// Connect provider and a suite that trusts only it: authorization code with PKCE through the provider's login form,
/// back to the page with the figures loaded by the provider's token, a refused token and an expired one sending the
/// reader back to sign-in, and sign-out ending the provider's session too. Tokens live in sessionStorage only.
/// </summary>
[Collection(OidcSuiteDefinition.Name)]
public sealed class WebPageOidcSignInTests(OidcSuiteFixture oidc)
{
    private const string TokenKey = "industry.token";

    [Fact]
    public async Task Page_SignsInWithTheProvider_LoadsTheFigures_AndSignsOut()
    {
        var url = new Uri(oidc.PageRoot, "?year=2024&month=12");
        var run = await QuickstartProcess.RunAsync(
            ["node", "web/e2e/sign-in-check.mjs", "--url", url.ToString(), "--user", "viewer", "--screenshots", PageCheck.ArtefactFolder],
            new Dictionary<string, string>(), TimeSpan.FromMinutes(4));
        Assert.True(run.ExitCode == 0, run.ToString());
        using var result = JsonDocument.Parse(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last());
        var steps = result.RootElement.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);

        var start = steps["start"];
        Assert.True(start.GetProperty("signIn").GetBoolean());
        Assert.True(start.GetProperty("oidcButton").GetBoolean(), "the gateway's /web-config.json names the authority, so the page offers it");

        // The page asked for a code with PKCE, as the registered public client, for the API's scope.
        var authorization = result.RootElement.GetProperty("authorizations")[0];
        Assert.Equal("code", authorization.GetProperty("response_type").GetString());
        Assert.Equal("S256", authorization.GetProperty("code_challenge_method").GetString());
        Assert.True(authorization.GetProperty("code_challenge").GetString()!.Length >= 43);
        Assert.Equal("industry-web", authorization.GetProperty("client_id").GetString());
        Assert.Equal(oidc.PageRoot.ToString(), authorization.GetProperty("redirect_uri").GetString());
        Assert.Equal(OidcSuiteFixture.Scope, authorization.GetProperty("scope").GetString());

        var signedIn = steps["signed-in"];
        Assert.True(signedIn.GetProperty("loginForm").GetBoolean(), "the provider asked for a login");
        Assert.Contains(Strings(signedIn, "visited"), u => u.StartsWith(oidc.Provider.Issuer.ToString(), StringComparison.Ordinal));
        AssertFiguresLoaded(signedIn);
        // Back at the address the reader started from: the code and state gone, the year and month kept.
        Assert.Equal(url.ToString(), signedIn.GetProperty("href").GetString());
        var claims = signedIn.GetProperty("claims");
        Assert.Equal(oidc.Provider.Issuer.ToString().TrimEnd('/'), claims.GetProperty("iss").GetString());
        Assert.Equal("viewer", claims.GetProperty("sub").GetString());
        Assert.Equal("viewer", claims.GetProperty("role").GetString());
        Assert.Contains("industry-api", claims.GetProperty("aud").ValueKind == JsonValueKind.Array
            ? claims.GetProperty("aud").EnumerateArray().Select(a => a.GetString()) : [claims.GetProperty("aud").GetString()]);
        Assert.Contains("viewer", signedIn.GetProperty("account").GetString(), StringComparison.Ordinal);
        AssertSessionOnly(signedIn, [TokenKey, "industry.idToken"]);

        var refused = steps["refused"];
        Assert.True(refused.GetProperty("signIn").GetBoolean());
        Assert.Contains("失效", refused.GetProperty("signInReason").GetString(), StringComparison.Ordinal);
        AssertSessionOnly(refused, []);

        // The provider's own session still holds: back without its login form.
        var again = steps["signed-in-again"];
        Assert.False(again.GetProperty("loginForm").GetBoolean());
        AssertFiguresLoaded(again);

        // Sign-out ends the provider's session as well (RP-initiated logout): the next sign-in asks for a login again.
        var signedOut = steps["signed-out"];
        Assert.True(signedOut.GetProperty("signIn").GetBoolean());
        Assert.Contains(Strings(signedOut, "visited"), u => u.StartsWith(new Uri(oidc.Provider.Issuer, "session/end").ToString(), StringComparison.Ordinal));
        Assert.Equal(oidc.PageRoot.ToString(), signedOut.GetProperty("href").GetString());
        AssertSessionOnly(signedOut, []);
        Assert.True(steps["signed-in-after-sign-out"].GetProperty("loginForm").GetBoolean());
        AssertFiguresLoaded(steps["signed-in-after-sign-out"]);

        var expired = steps["expired"];
        Assert.True(expired.GetProperty("signIn").GetBoolean());
        Assert.Contains("过期", expired.GetProperty("signInReason").GetString(), StringComparison.Ordinal);
        AssertSessionOnly(expired, []);

        Assert.DoesNotContain(Strings(result.RootElement, "consoleErrors"), e => e.StartsWith("pageerror", StringComparison.Ordinal));
    }

    /// <summary>
    /// The provider's own token for a city editor, as the page received it, carries its role and city to every rule:
    /// a write in its city passes with it as the actor, one in another city and an admin's write are refused. The
    /// claims come from the provider under their plain names, so a mapping that renamed or dropped them fails here.
    /// </summary>
    [Fact]
    public async Task ProvidersCityEditorToken_WritesItsOwnCityOnly()
    {
        var run = await QuickstartProcess.RunAsync(
            ["node", "web/e2e/sign-in-check.mjs", "--url", oidc.PageRoot.ToString(), "--user", "hefei-editor", "--sign-in-only"],
            new Dictionary<string, string>(), TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, run.ToString());
        using var result = JsonDocument.Parse(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last());
        var signedIn = result.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "signed-in");
        Assert.Equal(("city_editor", "340100"), (signedIn.GetProperty("claims").GetProperty("role").GetString(), signedIn.GetProperty("claims").GetProperty("city").GetString()));
        using var channel = TestTokens.Channel(oidc.Suite.Gateway.GrpcAddress, signedIn.GetProperty("token").GetString());
        var projects = new ProjectService.ProjectServiceClient(channel);

        var own = await projects.CreateProjectAsync(new CreateProjectRequest { Project = AuthorizationMatrixTests.NewProject("340104") });
        var other = await Assert.ThrowsAsync<RpcException>(() => projects.CreateProjectAsync(new CreateProjectRequest { Project = AuthorizationMatrixTests.NewProject("340202") }).ResponseAsync);
        var adminOnly = await Assert.ThrowsAsync<RpcException>(() => new ClusterService.ClusterServiceClient(channel).CreateClusterAsync(new CreateClusterRequest { Cluster = AuthorizationMatrixTests.NewCluster() }).ResponseAsync);

        Assert.Equal("hefei-editor", own.UpdateActor);
        Assert.Equal((StatusCode.PermissionDenied, "OUTSIDE_CALLER_CITY"), (other.StatusCode, Errors.ReasonOf(other)));
        Assert.Equal(StatusCode.PermissionDenied, adminOnly.StatusCode);
    }

    [Fact]
    public async Task Suite_RefusesADevelopmentToken_WhenItTrustsTheProvider()
    {
        using var http = TestTokens.Http(oidc.Suite.Gateway.HttpAddress, TestTokens.Viewer);

        using var response = await http.GetAsync(new Uri("/v1/industries", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static void AssertFiguresLoaded(JsonElement step)
    {
        Assert.True(step.GetProperty("ready").GetBoolean());
        Assert.Equal(["headline-clusters", "headline-parks", "headline-projects"], Strings(step, "headlineSections").Order());
        Assert.True(step.GetProperty("figures").GetInt32() > 0);
        // Every service accepted the provider's token (forwarded by the gateway): no section is unavailable.
        Assert.Empty(Strings(step, "unavailable"));
    }

    /// <summary>Only the given sessionStorage keys, nothing in localStorage, no cookie of the page's origin.</summary>
    private static void AssertSessionOnly(JsonElement step, string[] sessionKeys)
    {
        Assert.Equal(sessionKeys.Order(), Strings(step, "sessionKeys").Order());
        Assert.Empty(Strings(step, "localKeys"));
        Assert.Equal(string.Empty, step.GetProperty("documentCookie").GetString());
        Assert.Empty(Strings(step, "pageCookies"));
    }

    private static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString() ?? string.Empty)];
}
