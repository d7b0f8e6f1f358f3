using Industry.TestInfrastructure;

namespace Industry.EndToEndTests.WebPage;

/// <summary>
/// A suite of its own whose four processes take tokens from a throwaway OpenID Connect provider only
/// (<c>Authentication__Authority</c>, as in production; ADR 0037), with the page registered there as the public client
/// <c>industry-web</c>. Its own, because a process validates either development tokens or its authority's, never both.
/// </summary>
public sealed class OidcSuiteFixture : IAsyncLifetime
{
    /// <summary>The scopes the page asks for: the test provider grants the API's audience for the scope <c>industry-api</c>.</summary>
    public const string Scope = "openid profile industry-api";

    private SuiteProcesses? _suite;
    private TestIdentityProvider? _provider;

    public SuiteProcesses Suite => _suite ?? throw new InvalidOperationException("The suite is not started.");

    public TestIdentityProvider Provider => _provider ?? throw new InvalidOperationException("The identity provider is not started.");

    /// <summary>The page's origin, which is also its redirect URI at the provider (with a trailing slash).</summary>
    public Uri PageRoot => new(Suite.Gateway.HttpAddress.GetLeftPart(UriPartial.Authority) + "/");

    public async Task InitializeAsync()
    {
        // The processes need the authority's address at start and fetch its metadata on the first call; the provider
        // needs the gateway's address for its client's redirect URI. So: its port first, the suite, then the provider.
        var port = FreePort.Next();
        _suite = await SuiteProcesses.StartAsync(new Dictionary<string, string>
        {
            ["Authentication__Authority"] = TestIdentityProvider.IssuerAt(port).ToString().TrimEnd('/'),
            ["Authentication__RequireHttpsMetadata"] = "false",
            ["Web__Scope"] = Scope,
        });
        _provider = await TestIdentityProvider.StartAsync(port, PageRoot);
    }

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        if (_suite is not null)
        {
            await _suite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OidcSuiteDefinition : ICollectionFixture<OidcSuiteFixture>
{
    public const string Name = "oidc";
}
