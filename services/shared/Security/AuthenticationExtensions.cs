using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Industry.ServiceDefaults.Security;

/// <summary>
/// JWT bearer authentication for every process (ADR 0015): the gateway and each service validate the token
/// themselves, so a service reached directly is no weaker than through the gateway. Claims keep their JWT names
/// (<c>sub</c>, <c>role</c>, <c>city</c>): inbound claim mapping is off.
/// </summary>
public static class AuthenticationExtensions
{
    public static WebApplicationBuilder AddSuiteAuthentication(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SuiteAuthenticationOptions.Section).Get<SuiteAuthenticationOptions>() ?? new SuiteAuthenticationOptions();
        Validate(options, builder.Environment);
        builder.Services.AddSingleton(options);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                if (options.ValidatedTokenCacheSeconds > 0)
                {
                    jwt.TokenHandlers.Clear();
                    jwt.TokenHandlers.Add(new CachingJsonWebTokenHandler(new ValidatedTokenCache(
                        options.ValidatedTokenCacheSize, TimeSpan.FromSeconds(options.ValidatedTokenCacheSeconds), TimeProvider.System))
                    {
                        MapInboundClaims = false,
                    });
                }

                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    NameClaimType = SuiteClaims.Subject,
                    RoleClaimType = SuiteClaims.Role,
                    ValidAudience = options.Audience,
                    ClockSkew = TimeSpan.FromSeconds(options.ClockSkewSeconds),
                };
                if (options.Authority is { Length: > 0 } authority)
                {
                    jwt.Authority = authority;
                    jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                }
                else
                {
                    jwt.TokenValidationParameters.ValidIssuer = options.DevelopmentIssuer;
                    jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(options.DevelopmentKeyBytes());
                }

                jwt.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = failed =>
                    {
                        TokenFailure.Record(failed.HttpContext, failed.Exception);
                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddHttpContextAccessor();
        return builder;
    }

    /// <summary>
    /// Only the development environments (<see cref="DevelopmentEnvironments"/>) may use a development key; every other
    /// one takes tokens from its identity provider only.
    /// </summary>
    internal static void Validate(SuiteAuthenticationOptions options, IHostEnvironment environment)
    {
        var hasAuthority = !string.IsNullOrWhiteSpace(options.Authority);
        var hasDevelopmentKey = !string.IsNullOrWhiteSpace(options.DevelopmentSigningKey);
        if (!environment.AcceptsDevelopmentKeys())
        {
            if (hasDevelopmentKey)
            {
                throw new InvalidOperationException(
                    $"Authentication:DevelopmentSigningKey is set in the environment {environment.EnvironmentName}. Remove it: only "
                    + $"{string.Join(", ", DevelopmentEnvironments.Names)} accept development tokens; every other environment accepts tokens from Authentication:Authority only.");
            }

            if (!hasAuthority)
            {
                throw new InvalidOperationException(
                    "Authentication:Authority is not set. Configure the OIDC issuer URL and Authentication:Audience (Authentication__Authority, Authentication__Audience).");
            }
        }
        else if (!hasAuthority && !hasDevelopmentKey)
        {
            throw new InvalidOperationException(
                $"Neither Authentication:Authority nor Authentication:DevelopmentSigningKey is set (environment {environment.EnvironmentName}).");
        }
        else if (!hasAuthority)
        {
            options.DevelopmentKeyBytes(); // fail at start-up, not on the first call
        }
    }
}
