using Industry.ServiceDefaults.Security;
using Microsoft.IdentityModel.Tokens;

namespace Industry.ServiceDefaults.UnitTests;

/// <summary>The cache of validated tokens (ADR 0033) must never accept what a full validation would refuse.</summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly SuiteAuthenticationOptions Options = new() { DevelopmentSigningKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()) };

    private readonly ValidatedTokenCache _cache = new(100, TimeSpan.FromMinutes(5), TimeProvider.System);

    [Fact]
    public async Task AValidatedToken_IsServedFromTheCache_WithItsOwnIdentity()
    {
        var handler = new CachingJsonWebTokenHandler(_cache) { MapInboundClaims = false };
        var token = Mint(TimeSpan.FromMinutes(10));

        var first = await handler.ValidateTokenAsync(token, Parameters());
        var second = await handler.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid && second.IsValid);
        Assert.Equal(1, _cache.Count);
        Assert.Same(first.SecurityToken, second.SecurityToken); // not parsed again: served from the cache
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("bench", second.ClaimsIdentity.FindFirst(SuiteClaims.Subject)?.Value);
        Assert.Equal(Roles.Viewer, second.ClaimsIdentity.FindFirst(SuiteClaims.Role)?.Value);
    }

    [Fact]
    public async Task AToken_ExpiredAfterItWasCached_IsRefused()
    {
        var handler = new CachingJsonWebTokenHandler(_cache) { MapInboundClaims = false };
        var token = Mint(TimeSpan.FromSeconds(2));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.Equal(1, _cache.Count);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var late = await handler.ValidateTokenAsync(token, Parameters());

        Assert.False(late.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(late.Exception);
    }

    [Theory]
    [InlineData(1)] // the payload
    [InlineData(2)] // the signature
    public async Task ATamperedCopyOfACachedToken_IsRefused(int part)
    {
        var handler = new CachingJsonWebTokenHandler(_cache) { MapInboundClaims = false };
        var token = Mint(TimeSpan.FromMinutes(10));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        var parts = token.Split('.');
        var chars = parts[part].ToCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        parts[part] = new string(chars);
        var tampered = await handler.ValidateTokenAsync(string.Join('.', parts), Parameters());

        Assert.False(tampered.IsValid);
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKey_IsRefused_AndNotCached()
    {
        var handler = new CachingJsonWebTokenHandler(_cache) { MapInboundClaims = false };
        Assert.True((await handler.ValidateTokenAsync(Mint(TimeSpan.FromMinutes(10)), Parameters())).IsValid);

        var forged = DevelopmentTokens.Mint(Options, "bench", Roles.Viewer, null, TimeSpan.FromMinutes(10), new byte[32]);
        var result = await handler.ValidateTokenAsync(forged, Parameters());

        Assert.False(result.IsValid);
        Assert.Equal(1, _cache.Count);
    }

    [Fact]
    public async Task ACachedToken_WhoseKeyWasRemoved_IsRefused()
    {
        var handler = new CachingJsonWebTokenHandler(_cache) { MapInboundClaims = false };
        var token = Mint(TimeSpan.FromMinutes(10));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        var rotated = Parameters();
        rotated.IssuerSigningKey = new SymmetricSecurityKey(new byte[32]);
        var result = await handler.ValidateTokenAsync(token, rotated);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task TheCache_HoldsNoMoreThanItsCapacity()
    {
        var cache = new ValidatedTokenCache(2, TimeSpan.FromMinutes(5), TimeProvider.System);
        var handler = new CachingJsonWebTokenHandler(cache) { MapInboundClaims = false };

        foreach (var subject in new[] { "a", "b", "c" })
        {
            var token = DevelopmentTokens.Mint(Options, subject, Roles.Viewer, null, TimeSpan.FromMinutes(10));
            Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
            Assert.InRange(cache.Count, 1, 2);
        }
    }

    private static string Mint(TimeSpan lifetime) => DevelopmentTokens.Mint(Options, "bench", Roles.Viewer, null, lifetime);

    /// <summary>As the services validate (AuthenticationExtensions), without the clock skew so that expiry is exact.</summary>
    private static TokenValidationParameters Parameters() => new()
    {
        NameClaimType = SuiteClaims.Subject,
        RoleClaimType = SuiteClaims.Role,
        ValidAudience = Options.Audience,
        ValidIssuer = Options.DevelopmentIssuer,
        IssuerSigningKey = SigningKey,
        ClockSkew = TimeSpan.Zero,
    };

    private static readonly SymmetricSecurityKey SigningKey = new(Options.DevelopmentKeyBytes());
}
