using System.Security.Claims;
using Industry.Common.V1;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class SecurityTests
{
    private const string Key = "LWxNeicpzvc+dYcDeTrCYKnltiWvWujRBXINeafBDU8=";

    [Theory]
    [InlineData("viewer", null, true, false, false)]
    [InlineData("city_editor", "340100", true, true, false)]
    [InlineData("city_editor", null, true, false, false)] // a city editor without a city may read only
    [InlineData("province_admin", null, true, true, true)]
    [InlineData("auditor", null, false, false, false)] // not a role of the suite
    public void Caller_Holds_WhatItsRoleAllows(string role, string? city, bool read, bool cityWrite, bool adminWrite)
    {
        var caller = Caller.From(Principal(role, city));

        Assert.Equal((read, cityWrite, adminWrite), (caller.Holds(Access.Read), caller.Holds(Access.CityWrite), caller.Holds(Access.AdminWrite)));
    }

    [Theory]
    [InlineData("340104", true, true, false, false)]
    [InlineData(null, true, false, false, false)] // a county editor without a county may read only
    public void CountyEditor_HoldsReadAndCountyWriteOnly(string? county, bool read, bool countyWrite, bool cityWrite, bool adminWrite)
    {
        var caller = Caller.From(WithCounty("county_editor", null, county));

        Assert.Equal(
            (read, countyWrite, cityWrite, adminWrite),
            (caller.Holds(Access.Read), caller.Holds(Access.CountyWrite), caller.Holds(Access.CityWrite), caller.Holds(Access.AdminWrite)));
    }

    [Theory]
    [InlineData("province_admin", null, null, true)]
    [InlineData("city_editor", "340100", null, true)]
    [InlineData("viewer", null, null, false)]
    public void CountyWrite_IsHeldByEveryWritingRole(string role, string? city, string? county, bool held) =>
        Assert.Equal(held, Caller.From(WithCounty(role, city, county)).Holds(Access.CountyWrite));

    [Theory]
    [InlineData("340100", "340104", true)]
    [InlineData("340100", "340103", false)] // its city, another county
    [InlineData("340200", "340202", false)]
    [InlineData(null, null, false)] // an absent resource: denied like another county's
    public void CountyEditor_MayWriteOnlyItsCounty(string? resourceCity, string? resourceCounty, bool allowed)
    {
        var caller = Caller.From(WithCounty("county_editor", null, "340104"));

        Assert.Equal(allowed, caller.MayWriteCounty(resourceCity, resourceCounty));
        Assert.False(caller.MayWriteCity(resourceCity));
    }

    [Fact]
    public void CityEditor_MayWriteEveryCountyOfItsCity() =>
        Assert.True(Caller.From(Principal("city_editor", "340100")).MayWriteCounty("340100", "340103"));

    [Fact]
    public void Caller_WithSeveralRoles_ActsWithTheStrongest() =>
        Assert.True(Caller.From(Principal("viewer", null, "province_admin")).IsProvinceAdmin);

    [Theory]
    [InlineData("340100", true)]
    [InlineData("340200", false)]
    [InlineData(null, false)] // an absent resource: denied like another city's
    public void CityEditor_MayWriteOnlyItsCity(string? resourceCity, bool allowed) =>
        Assert.Equal(allowed, Caller.From(Principal("city_editor", "340100")).MayWriteCity(resourceCity));

    [Fact]
    public void Production_WithoutAuthority_RefusesToStart() =>
        Assert.Contains("Authority", Assert.Throws<InvalidOperationException>(() =>
            AuthenticationExtensions.Validate(new SuiteAuthenticationOptions(), Environment(Environments.Production))).Message, StringComparison.Ordinal);

    [Fact]
    public void Production_WithADevelopmentKey_RefusesToStart() =>
        Assert.Contains("DevelopmentSigningKey", Assert.Throws<InvalidOperationException>(() => AuthenticationExtensions.Validate(
            new SuiteAuthenticationOptions { Authority = "https://sso.example", DevelopmentSigningKey = Key }, Environment(Environments.Production))).Message, StringComparison.Ordinal);

    [Fact]
    public void Development_WithAShortKey_RefusesToStart() =>
        Assert.Throws<InvalidOperationException>(() => AuthenticationExtensions.Validate(
            new SuiteAuthenticationOptions { DevelopmentSigningKey = Convert.ToBase64String(new byte[16]) }, Environment(Environments.Development)));

    [Fact]
    public void Production_WithAuthority_AndDevelopment_WithKey_Start()
    {
        AuthenticationExtensions.Validate(new SuiteAuthenticationOptions { Authority = "https://sso.example" }, Environment(Environments.Production));
        AuthenticationExtensions.Validate(new SuiteAuthenticationOptions { DevelopmentSigningKey = Key }, Environment(Environments.Development));
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    [InlineData("prod")]
    [InlineData("QA")]
    public void AnyEnvironmentOutsideTheAllowList_RefusesTheDevelopmentKey(string environment) =>
        Assert.Contains("DevelopmentSigningKey", Assert.Throws<InvalidOperationException>(() => AuthenticationExtensions.Validate(
            new SuiteAuthenticationOptions { DevelopmentSigningKey = Key }, Environment(environment))).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("Staging")]
    [InlineData("QA")]
    public void AnyEnvironmentOutsideTheAllowList_NeedsAnAuthority(string environment) =>
        Assert.Contains("Authority", Assert.Throws<InvalidOperationException>(() =>
            AuthenticationExtensions.Validate(new SuiteAuthenticationOptions(), Environment(environment))).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    [InlineData("Benchmark")]
    public void TheDevelopmentEnvironments_AcceptTheDevelopmentKey(string environment) =>
        AuthenticationExtensions.Validate(new SuiteAuthenticationOptions { DevelopmentSigningKey = Key }, Environment(environment));

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    [InlineData("prod")]
    public void AnyEnvironmentOutsideTheAllowList_RefusesThePageTokenFallbackKey(string environment) =>
        Assert.Contains("Pagination:TokenKey", Assert.Throws<InvalidOperationException>(() =>
            PageTokenKey.CreateCodec(new ConfigurationBuilder().Build(), Environment(environment))).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    [InlineData("Benchmark")]
    public void TheDevelopmentEnvironments_FallBackToThePageTokenDevelopmentKey(string environment) =>
        Assert.NotNull(PageTokenKey.CreateCodec(new ConfigurationBuilder().Build(), Environment(environment)));

    [Fact]
    public void AConfiguredPageTokenKey_IsUsedInAnyEnvironment() =>
        Assert.NotNull(PageTokenKey.CreateCodec(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pagination:TokenKey"] = Key }).Build(), Environment("Staging")));

    [Fact]
    public async Task DevelopmentToken_ValidatesWithTheKey_AndCarriesItsClaims()
    {
        var options = new SuiteAuthenticationOptions { DevelopmentSigningKey = Key };
        var token = DevelopmentTokens.Mint(options, "alice", Roles.CityEditor, "340100", TimeSpan.FromMinutes(5));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.DevelopmentIssuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(options.DevelopmentKeyBytes()),
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(("alice", "city_editor", "340100"), ((string)result.Claims["sub"], (string)result.Claims["role"], (string)result.Claims["city"]));
    }

    private static ClaimsPrincipal Principal(string role, string? city, params string[] moreRoles)
    {
        var claims = new List<Claim> { new("sub", "someone"), new("role", role) };
        claims.AddRange(moreRoles.Select(r => new Claim("role", r)));
        if (city is not null)
        {
            claims.Add(new Claim("city", city));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", "sub", "role"));
    }

    private static ClaimsPrincipal WithCounty(string role, string? city, string? county)
    {
        var principal = Principal(role, city);
        if (county is not null)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("county", county));
        }

        return principal;
    }

    private static TestEnvironment Environment(string name) => new(name);

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
